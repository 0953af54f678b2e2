-- The search over the rows the link partitions leave finds its registry candidates through keys held here instead of
-- reading the whole registry into memory (link.internal.JdbcRegistryKeys): each registry row's NIK (its 16 digits as a
-- number, else a hash) with its line, and its family card and blocking values (hashes, by kind) with its line. Scratch
-- for the running search: one search writes a database at a time (the run lock), it empties them when it starts and
-- when it ends, and they are unlogged (a crash empties them, and a resumed search writes them again). link_want holds
-- the keys one question of the search asks about. Their indexes are made by the search after it has loaded them.
create unlogged table padan.link_nik (
    value   bigint not null,
    line_no int    not null
);
create unlogged table padan.link_block (
    kind    smallint not null,
    value   bigint   not null,
    line_no int      not null
);
create unlogged table padan.link_want (
    kind  smallint not null,
    value bigint   not null
);
