-- Which checks a run made: one row per finding code and program source, with the sources the check needs that
-- the run did not have (missing, failed to load, or without a loaded row). A run is partial when any configured
-- source was unusable; it is published only when asked for (padan run --allow-partial, a job's allow-partial).
alter table padan.run add column partial boolean;   -- null until ingest ends (and for runs made before this table)
create table padan.run_check (
    run_id  bigint not null,
    source  text   not null,   -- the program whose rows the check examines
    code    text   not null,
    ran     boolean not null,
    missing text[],            -- the needed sources the run did not have (null when it ran)
    primary key (run_id, source, code)
);

-- Whether a run made a check. A run made before checks were recorded made every check it had data for.
create function padan.check_ran(p_run bigint, p_source text, p_code text) returns boolean
language sql stable as $$
    select coalesce((select c.ran from padan.run_check c where c.run_id = p_run and c.source = p_source and c.code = p_code),
                    not exists (select 1 from padan.run_check c where c.run_id = p_run))
$$;

-- A run is in the contract once it is published and delivered: status COMPLETED is set only after deliver ended,
-- so a run that failed in deliver (or is being resumed) is not visible. The current run is the newest by as-of
-- date; on the same date a complete run before a partial one, then the later run.
create or replace view reconciled.current_run as
select (select r.run_id from padan.run r
        where r.published_at is not null and r.status = 'COMPLETED'
        order by r.as_of desc, coalesce(r.partial, false), r.run_id desc
        limit 1) as run_id;

create or replace view reconciled.run as
select run_id, as_of, started_at, finished_at, status, published_at, input_fingerprint, failure_reason,
       coalesce(partial, false) as partial
from padan.run;

create or replace view reconciled.source_record as
select s.run_id, s.source, s.record_key, s.person_id, s.match_method, s.match_score,
       coalesce(s.explanation, l.explanation, v.explanation) as explanation
from padan.source_record s
join padan.run r on r.run_id = s.run_id
left join padan.row_link l on l.run_id = s.run_id and l.source = s.source and l.record_key = s.record_key and l.method <> 'REVIEW'
left join padan.row_link v on v.run_id = s.run_id and v.source = s.source and v.record_key = s.record_key and v.method = 'REVIEW'
where r.published_at is not null and r.status = 'COMPLETED';

create or replace view reconciled.finding as
select f.run_id, f.source, f.record_key, f.code, f.person_id, f.region_code, f.severity, f.detail, f.detail_json
from padan.finding f
join padan.run r on r.run_id = f.run_id
where r.published_at is not null and r.status = 'COMPLETED';

-- Which checks each published run made, for readers comparing runs.
create view reconciled.run_check as
select c.run_id, c.source, c.code, c.ran, c.missing
from padan.run_check c
join padan.run r on r.run_id = c.run_id
where r.published_at is not null and r.status = 'COMPLETED';
