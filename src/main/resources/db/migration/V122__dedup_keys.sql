-- The deduplication of the program rows the search leaves unlinked reads its blocks from here instead of holding every
-- such row in memory (link.internal.JdbcDedupRows): dedup_row names each row, dedup_key holds each of its keys (its
-- NIK, its family card, its name and birth-date blocking values, as text: a block is exactly the rows whose key is
-- equal). Scratch for the running search, like link_block (V112): one search writes a database at a time, it empties
-- them when it starts and when it ends, and they are unlogged (a resumed search writes them again). The numbered copy
-- of the rows and the block sizes are tables the deduplication makes and drops itself.
create unlogged table padan.dedup_row (
    source     text not null,
    record_key text not null
);
create unlogged table padan.dedup_key (
    key        text not null,
    source     text not null,
    record_key text not null
);
