-- The identity of this padan database, written into every run folder it delivers (out/run-N/.padan-run), so that an
-- output folder already holding another database's run-N is refused instead of silently mixed with this one's.
create table padan.installation (
    database_id uuid        primary key default gen_random_uuid(),
    created_at  timestamptz not null default now(),
    one_row     boolean     not null default true unique check (one_row)
);
insert into padan.installation default values;
