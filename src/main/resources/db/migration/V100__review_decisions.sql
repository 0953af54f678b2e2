-- Reviewers' decisions (id.padan.review): data that the next run obeys, kept for good (not run-scoped, never pruned).
--
-- padan.review_decision is append-only: a decision is never changed; a later decision on the same subject replaces
-- it (keputusan BATAL withdraws it). padan.review_approval holds the second person's agreement where one is needed.
-- padan.review_audit records every decision, approval, import and reveal. The three refuse UPDATE, DELETE and
-- TRUNCATE to everyone, the login that owns them included (triggers, which a grant cannot bypass).

-- The judged evidence of a staged row, as one text: what a decision's fingerprint is made of. A change in any of these
-- fields of either row of a decided pair makes the decision stale.
create function padan.row_evidence(s padan.staged_row) returns text language sql immutable as $$
    select concat_ws('|', coalesce(s.nik_raw, ''), coalesce(s.name_raw, ''), coalesce(s.birth_date::text, ''), coalesce(s.sex::text, ''),
                     coalesce(s.region_desa, ''), coalesce(s.region_kec, ''), coalesce(s.region_kab, ''), coalesce(s.death_date::text, ''),
                     coalesce(s.kk, ''))
$$;

create table padan.review_decision (
    decision_id   bigserial   primary key,
    decided_at    timestamptz not null default clock_timestamp(),
    reviewer      text        not null,
    role          text        not null check (role in ('REVIEWER', 'APPROVER', 'ADMIN')),
    -- PAIR: the row is / is not the candidate registry row (REVIEW_POSSIBLE_MATCH); NIK: a NIK correction accepted,
    -- rejected or replaced; FINDING: a finding confirmed or explained.
    kind          text        not null check (kind in ('PAIR', 'NIK', 'FINDING')),
    source        text        not null,
    record_key    text        not null,
    code          text        not null,
    -- the registry row judged: the candidate (PAIR), the registry row whose NIK was proposed (NIK), the registry row
    -- of the row's person (FINDING; null for a person the registry lacks)
    other_source  text,
    other_key     text,
    keputusan     text        not null check (keputusan in ('SAMA', 'BERBEDA', 'TERIMA', 'TOLAK', 'GANTI', 'BENAR', 'PINDAH',
                                                            'SUDAH_DIPERBAIKI', 'MENINGGAL', 'TIDAK_LAYAK', 'LAINNYA', 'BATAL')),
    -- GANTI: the registry row of the NIK the reviewer gave (its record key is the NIK)
    new_key       text,
    alasan        text,
    fingerprint   text        not null,
    run_id        bigint      not null,   -- the run whose evidence was judged
    kabupaten     text,                   -- the row's kabupaten (4 digits), for who may see and decide it
    origin        text        not null,   -- where it came from: 'import <file>:<line>' or 'page'
    needs_approval boolean    not null,
    check ((keputusan = 'GANTI') = (new_key is not null)),
    check (kind <> 'PAIR' or keputusan in ('SAMA', 'BERBEDA', 'BATAL')),
    check (kind <> 'NIK' or keputusan in ('TERIMA', 'TOLAK', 'GANTI', 'BATAL')),
    check (kind <> 'FINDING' or keputusan in ('BENAR', 'PINDAH', 'SUDAH_DIPERBAIKI', 'MENINGGAL', 'TIDAK_LAYAK', 'LAINNYA', 'BATAL'))
);
create index review_decision_subject on padan.review_decision (source, record_key, code, decision_id);
create index review_decision_kabupaten on padan.review_decision (kabupaten, decision_id);

create table padan.review_approval (
    approval_id  bigserial   primary key,
    decision_id  bigint      not null references padan.review_decision,
    approver     text        not null,
    approved_at  timestamptz not null default clock_timestamp(),
    verdict      text        not null check (verdict in ('SETUJU', 'TOLAK')),
    note         text
);
create index review_approval_decision on padan.review_approval (decision_id);

create table padan.review_audit (
    audit_id  bigserial   primary key,
    at        timestamptz not null default clock_timestamp(),
    actor     text        not null,
    action    text        not null check (action in ('DECIDE', 'APPROVE', 'IMPORT', 'REVEAL', 'LOGIN')),
    subject   text,
    detail    text
);

create function padan.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger review_decision_append_only before update or delete on padan.review_decision for each row execute function padan.refuse_change();
create trigger review_decision_no_truncate before truncate on padan.review_decision for each statement execute function padan.refuse_change();
create trigger review_approval_append_only before update or delete on padan.review_approval for each row execute function padan.refuse_change();
create trigger review_approval_no_truncate before truncate on padan.review_approval for each statement execute function padan.refuse_change();
create trigger review_audit_append_only before update or delete on padan.review_audit for each row execute function padan.refuse_change();
create trigger review_audit_no_truncate before truncate on padan.review_audit for each statement execute function padan.refuse_change();

-- Nobody approves their own decision.
create function padan.refuse_self_approval() returns trigger language plpgsql as $$
begin
    if exists (select 1 from padan.review_decision d where d.decision_id = new.decision_id and lower(d.reviewer) = lower(new.approver)) then
        raise exception 'decision % cannot be approved by its own reviewer %', new.decision_id, new.approver using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger review_approval_not_self before insert on padan.review_approval for each row execute function padan.refuse_self_approval();

-- What each decision did in a run (run-scoped, written by the review step after findings): HELD (applied: its
-- evidence is unchanged), STALE (the evidence changed: back in the queue with the old decision shown), CONFLICT (it
-- contradicts other decisions: in the conflict queue, not applied), PENDING_APPROVAL, REFUSED_APPROVAL, WITHDRAWN
-- (BATAL), GONE (the row is not in this run).
create table padan.review_effect (
    run_id       bigint not null,
    decision_id  bigint not null,
    source       text   not null,
    record_key   text   not null,
    code         text   not null,
    state        text   not null check (state in ('HELD', 'STALE', 'CONFLICT', 'PENDING_APPROVAL', 'REFUSED_APPROVAL', 'WITHDRAWN', 'GONE')),
    -- PAIR decisions: whether the link stage, before the decisions were applied, linked the row to the judged row
    model_same   boolean,
    primary key (run_id, decision_id)
);
create index review_effect_row on padan.review_effect (run_id, source, record_key, code);

-- Decisions that contradict each other (A = B, B = C, A ≠ C; one row the same as two registry persons): none of them
-- is applied until a reviewer decides again.
create table padan.review_conflict (
    run_id       bigint   not null,
    conflict_no  int      not null,
    decision_ids bigint[] not null,
    reason       text     not null,
    primary key (run_id, conflict_no)
);

-- Per run: how the decisions fared and how often the model agreed with the reviewers' pair decisions.
create table padan.review_run (
    run_id          bigint primary key,
    decisions       int not null,
    held            int not null,
    stale           int not null,
    conflicts       int not null,
    pending         int not null,
    pair_labels     int not null,
    model_agreed    int not null
);

-- Every finding of every run with the decision that covers it in that run, if any, and where it stands in the queue:
-- OPEN (no decision), STALE (decided, but the evidence changed: the old decision is shown), DECIDED (a decision
-- holds: confirmed, explained, linked or kept apart), APPROVAL (waiting for an approver), CONFLICT (in the conflict
-- queue). A stale decision whose finding is gone is listed too (without finding columns). A pair decision covers the finding only for the candidate it judged; a NIK decision only while the row
-- belongs to the registry person it named.
create view padan.review_item as
select f.run_id, f.source, f.record_key, f.code, f.person_id, f.region_code, left(f.region_code, 4) as kabupaten, f.severity,
       e.decision_id, e.state, d.keputusan, d.alasan, d.reviewer, d.decided_at,
       case when e.state is null or e.state in ('WITHDRAWN', 'GONE') then 'OPEN'
            when e.state = 'HELD' then 'DECIDED'
            when e.state = 'PENDING_APPROVAL' then 'APPROVAL'
            when e.state = 'CONFLICT' then 'CONFLICT'
            else 'STALE' end as queue
from padan.finding f
left join lateral (
    select e.decision_id, e.state from padan.review_effect e
    join padan.review_decision dd on dd.decision_id = e.decision_id
    where e.run_id = f.run_id and e.source = f.source and e.record_key = f.record_key and e.code = f.code
      and (dd.kind <> 'PAIR' or dd.other_key = f.detail_json->'candidate'->>'record_key')
      and (dd.kind <> 'NIK' or dd.keputusan = 'BATAL' or exists (
          select 1 from padan.source_record x where x.run_id = f.run_id and x.source = dd.other_source
          and x.record_key = coalesce(dd.new_key, dd.other_key) and x.person_id = f.person_id))
    order by e.decision_id desc limit 1) e on true
left join padan.review_decision d on d.decision_id = e.decision_id
union all
-- a stale decision whose item the run no longer finds (the changed evidence moved the row out of the band) is still
-- shown, so the reviewer sees what changed under it
select e.run_id, e.source, e.record_key, e.code, null, null, d.kabupaten, null, e.decision_id, e.state, d.keputusan, d.alasan, d.reviewer,
       d.decided_at, 'STALE'
from padan.review_effect e
join padan.review_decision d on d.decision_id = e.decision_id
where e.state = 'STALE' and not exists (select 1 from padan.finding f where f.run_id = e.run_id and f.source = e.source
                                        and f.record_key = e.record_key and f.code = e.code);
