-- What each scheduled fire did, so that an operator can read in the morning what happened at night even
-- when no run was started (inputs not ready, a required source missing, another run in progress).
create table padan.schedule_fire (
    fire_id       bigserial primary key,
    job_name      text        not null,                 -- the definition in jobs/ (its name)
    scheduled_at  timestamptz,                          -- when the trigger was due (for a recovery: the original fire time)
    fired_at      timestamptz not null default now(),
    finished_at   timestamptz,
    node          text        not null,                 -- Quartz instance id of the daemon that fired it
    pid           bigint,                               -- process id of that daemon
    recovering    boolean     not null default false,   -- re-fired by another daemon because the first one died
    outcome       text        not null,                 -- FIRED, WAITING, RUNNING, COMPLETED, FAILED, ALREADY_DONE, NOT_READY, MISSING_SOURCE, INPUT_PROBLEM, REFUSED, ERROR, INTERRUPTED
    run_id        bigint,
    input_date    date,                                 -- the date of the night's files, when they carry one
    detail        text                                  -- file names and reasons; never row data
);
create index schedule_fire_job on padan.schedule_fire (job_name, fired_at desc);
