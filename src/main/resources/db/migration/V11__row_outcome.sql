-- What the findings stage concluded about each program row of a run, in one row: the person and link, the
-- registry's values for the person, and the row's finding codes. Written once by the findings stage (which
-- joins these tables anyway), read in line order by the corrected extracts and by the reports' evidence.
create table padan.row_outcome (
    run_id        bigint not null,
    source        text   not null,
    record_key    text   not null,
    line_no       int    not null,
    region_code   text,
    region_kab    text,
    person_id     bigint not null,
    match_method  text,
    match_score   double precision,
    explanation   jsonb,
    nik_raw       text,
    nik           text,
    name_raw      text,
    name          text,
    birth_date    date,
    sex           char(1),
    in_dukcapil   boolean not null,
    reg_nik       text,
    reg_name_raw  text,
    reg_name      text,
    reg_birth     date,
    reg_sex       char(1),
    reg_death     date,
    codes         text,      -- the row's finding codes, space-separated, in code order; null for none
    primary key (run_id, source, line_no)
);
