-- padan's own tables (schema padan: run-scoped working data) and the published contract (schema reconciled).
create schema if not exists padan;
create schema if not exists reconciled;

-- One row per reconciliation run; a run is one Spring Batch job instance of `reconcile`.
create table padan.run (
    run_id            bigserial primary key,
    job_instance_id   bigint unique,
    as_of             date        not null,
    input_dir         text        not null,
    out_dir           text,
    input_fingerprint text        not null,
    started_at        timestamptz not null default now(),
    finished_at       timestamptz,
    published_at      timestamptz,
    status            text        not null default 'RUNNING',
    failure_reason    text
);

-- One row per source per run: which file was read and how its rows were accounted for.
create table padan.input_file (
    run_id        bigint not null references padan.run,
    source        text   not null,
    file_name     text,
    sha256        text,
    size_bytes    bigint,
    status        text   not null,   -- LOADED, FAILED, MISSING
    problem       text,
    header        text[],
    rows_read     bigint not null default 0,
    rows_loaded   bigint not null default 0,
    rows_rejected bigint not null default 0,
    primary key (run_id, source)
);

-- Every input row that could not be loaded, with what an operator needs to find and fix it.
create table padan.rejected_row (
    run_id    bigint not null,
    source    text   not null,
    file_name text   not null,
    line_no   int    not null,
    record_key text,
    raw_text  text,
    reason    text   not null
);
create index rejected_row_run on padan.rejected_row (run_id, source);

-- Standardised rows of one run, loaded with COPY.
create table padan.staged_row (
    run_id            bigint not null,
    source            text   not null,
    record_key        text   not null,
    line_no           int    not null,
    nik_raw           text,
    nik               text,
    nik_status        text   not null,
    nik_problem       text,
    kk                text,
    name_raw          text,
    name              text,
    name_key          text,
    name_deceased     boolean not null default false,
    birth_date        date,
    birth_date_status text   not null,
    sex               char(1),
    relation          text,
    region_desa       text,
    region_kec        text,
    region_kab        text,
    region_status     text,
    death_date        date,
    family_id         text,
    mother_name       text,
    birth_place       text,
    program_status    text,
    component         text
);
create index staged_row_run on padan.staged_row (run_id, source, record_key);

-- Links decided by the link stage: this row belongs with the target row (usually a registry row).
create table padan.row_link (
    run_id      bigint not null,
    source      text   not null,
    record_key  text   not null,
    target_source text not null,
    target_key  text   not null,
    method      text   not null,
    score       double precision,
    explanation jsonb
);
create index row_link_run on padan.row_link (run_id);

-- Stable person ids: an identity (registry NIK, or a source row) keeps its person_id from run to run.
create sequence padan.person_id_seq;
create table padan.person_identity (
    identity_key text primary key,
    person_id    bigint not null
);

create table padan.person (
    run_id       bigint not null,
    person_id    bigint not null,
    nik          text,
    no_kk        text,
    name         text,
    birth_date   date,
    sex          char(1),
    region_code  text,
    death_date   date,
    in_dukcapil  boolean not null,
    primary key (run_id, person_id)
);

create table padan.source_record (
    run_id       bigint not null,
    source       text   not null,
    record_key   text   not null,
    line_no      int    not null,
    person_id    bigint not null,
    match_method text   not null,
    match_score  double precision,
    explanation  jsonb,
    primary key (run_id, source, record_key)
);
create index source_record_person on padan.source_record (run_id, person_id);

create table padan.finding (
    run_id      bigint not null,
    source      text   not null,
    record_key  text   not null,
    code        text   not null,
    person_id   bigint,
    region_code text,
    severity    text   not null,
    detail      text,
    detail_json jsonb
);
create index finding_run on padan.finding (run_id, code);

-- Seconds and rows per stage per run, for the summary, the history and the benchmark.
create table padan.stage_metric (
    run_id      bigint not null,
    stage       text   not null,
    rows        bigint not null,
    seconds     double precision not null,
    finished_at timestamptz not null default now(),
    primary key (run_id, stage)
);

-- The published contract. A run is visible once published_at is set, which happens in one
-- transaction at the end of the run: readers see all of it or none of it.
create view reconciled.run as
select run_id, as_of, started_at, finished_at, status, published_at, input_fingerprint, failure_reason
from padan.run;

create view reconciled.current_run as
select max(run_id) as run_id from padan.run where published_at is not null;

create view reconciled.person as
select p.person_id, p.nik, p.no_kk, p.name, p.birth_date, p.sex, p.region_code, p.death_date,
       p.in_dukcapil, p.run_id
from padan.person p
where p.run_id = (select run_id from reconciled.current_run);

create view reconciled.source_record as
select s.run_id, s.source, s.record_key, s.person_id, s.match_method, s.match_score, s.explanation
from padan.source_record s
join padan.run r on r.run_id = s.run_id
where r.published_at is not null;

create view reconciled.finding as
select f.run_id, f.source, f.record_key, f.code, f.person_id, f.region_code, f.severity, f.detail, f.detail_json
from padan.finding f
join padan.run r on r.run_id = f.run_id
where r.published_at is not null;
