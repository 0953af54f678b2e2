-- The matching model of a run (m and u of every comparison level, the prior), estimated once and read by
-- every partition of the link stage, also when the stage is restarted: the links of a run never depend on
-- how its work was split or on which attempt estimated the model.
create table padan.run_model (
    run_id      bigint primary key references padan.run,
    model       text   not null,   -- link.model.MatchModel#toText
    sample_rows bigint not null,   -- rows the model was estimated from
    created_at  timestamptz not null default now()
);
