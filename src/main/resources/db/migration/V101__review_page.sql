-- The review page (padan serve): its users, the items it lists, and row-level security on what it reads.

-- Users of the review page. Passwords are stored hashed ({bcrypt}...). A reviewer sees the kabupaten/kota listed in
-- kabupaten (4-digit codes) and, when programs is not empty, only those programs' rows; an approver also approves
-- others' decisions in those kabupaten; a national viewer and an admin see every kabupaten.
create table padan.review_user (
    username      text        primary key,
    password_hash text        not null,
    role          text        not null check (role in ('REVIEWER', 'APPROVER', 'NATIONAL_VIEWER', 'ADMIN')),
    kabupaten     text[]      not null default '{}',
    programs      text[]      not null default '{}',
    created_at    timestamptz not null default now()
);

-- One row per finding that asks a reviewer for a decision, with everything the page shows beside it (the row as
-- sent, the registry person it was linked to, the candidate of a possible match), written by the review step of each
-- run. harm orders the queue: a payment to a possibly deceased or wrong person before a spelling difference.
create table padan.review_queue_item (
    run_id         bigint not null,
    source         text   not null,
    record_key     text   not null,
    code           text   not null,
    kabupaten      text,
    severity       text   not null,
    harm           int    not null,
    person_id      bigint,
    candidate_person_id bigint,
    sent_nik       text, sent_name text, sent_birth date, sent_sex text, sent_region text,
    reg_nik        text, reg_kk text, reg_name text, reg_birth date, reg_sex text, reg_region text, reg_death date,
    cand_source    text, cand_key text,
    cand_nik       text, cand_kk text, cand_name text, cand_birth date, cand_sex text, cand_region text, cand_death date,
    detail         text,
    primary key (run_id, source, record_key, code)
);
create index review_queue_item_order on padan.review_queue_item (run_id, kabupaten, harm, source, record_key);

-- The page's current user (set per transaction by the page: set_config('padan.user', name, true)) and what they may
-- see: every kabupaten (national viewer, admin), or these kabupaten and, when the list is not empty, these programs.
-- The functions run with their owner's rights, so the page's database role needs no access to the users table (which
-- holds the password hashes). The policies call them in scalar subqueries, which PostgreSQL evaluates once per query,
-- not once per row.
create function padan.web_everything() returns boolean language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select coalesce((select u.role in ('NATIONAL_VIEWER', 'ADMIN') from padan.review_user u where u.username = current_setting('padan.user', true)), false)
$$;
create function padan.web_kabupaten() returns text[] language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select coalesce((select u.kabupaten from padan.review_user u where u.username = current_setting('padan.user', true)), '{}')
$$;
create function padan.web_programs() returns text[] language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select coalesce((select u.programs from padan.review_user u where u.username = current_setting('padan.user', true)), '{}')
$$;

-- Row-level security on what the page reads. The owner of the tables (the login padan runs with) is not subject to
-- it; every other role is, and sees only the rows its current user may see (none without a user).
alter table padan.review_queue_item enable row level security;
create policy review_queue_item_scope on padan.review_queue_item for select using (
    (select padan.web_everything()) or (kabupaten = any ((select padan.web_kabupaten())::text[])
        and (cardinality((select padan.web_programs())) = 0 or source = any ((select padan.web_programs())::text[]))));
alter table padan.review_decision enable row level security;
create policy review_decision_scope on padan.review_decision for select using (
    (select padan.web_everything()) or (kabupaten = any ((select padan.web_kabupaten())::text[])
        and (cardinality((select padan.web_programs())) = 0 or source = any ((select padan.web_programs())::text[]))));
alter table padan.review_effect enable row level security;
create policy review_effect_scope on padan.review_effect for select
    using (exists (select 1 from padan.review_decision d where d.decision_id = review_effect.decision_id));

-- A change to the page's users is audited too.
alter table padan.review_audit drop constraint review_audit_action_check;
alter table padan.review_audit add constraint review_audit_action_check check (action in ('DECIDE', 'APPROVE', 'IMPORT', 'REVEAL', 'LOGIN', 'USER'));
