-- Counters a stage reports about its run beyond rows and seconds (e.g. the link stage's comparisons
-- skipped in oversized blocks), kept with the run's history.
create table padan.stage_counter (
    run_id bigint not null,
    stage  text   not null,
    name   text   not null,
    value  bigint not null,
    primary key (run_id, stage, name)
);
