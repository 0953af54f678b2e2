-- The reviewers' cannot-link pairs the link stage applied in a run: the program row, the registry row removed from its
-- candidates (a possible match judged BERBEDA, a NIK correction refused or replaced), and whether the model alone would
-- have linked them (the reviewers' agreement with the model is counted from it, since the link stage no longer links
-- such a pair). Written by the search over the rows left over, which replaces them as a whole.
create table padan.link_apart (
    run_id        bigint  not null,
    source        text    not null,
    record_key    text    not null,
    target_source text    not null,
    target_key    text    not null,
    model_linked  boolean not null
);
create index link_apart_row on padan.link_apart (run_id, source, record_key);
