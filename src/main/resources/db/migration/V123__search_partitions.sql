-- The search over the rows the link partitions leave runs as Spring Batch partitions too (step link-search-part, each
-- a range of buckets of the rows left over), on the run's threads or on padan worker processes. Each part replaces its
-- own output in one transaction, found by the buckets of its rows, so a part run again (resumed after a kill, a request
-- delivered twice, a worker killed mid-part) never doubles it:
-- * its links: row_link.search_bucket, the bucket of the linked row (null for the exact-NIK links of the partitions,
--   which have row_link.bucket, and for the links of the deduplication, which replaces them as a whole);
-- * the reviewers' separations it applied: link_apart.bucket;
-- * the rows it leaves unlinked for the deduplication and their keys: dedup_row, dedup_key (V122), now with the run and
--   the bucket, and logged: a part that completed keeps them through a crash of PostgreSQL, which empties unlogged
--   tables, since a resumed run does not run it again.
alter table padan.row_link add column search_bucket smallint;
create index row_link_search_part on padan.row_link (run_id, search_bucket) where search_bucket is not null;
alter table padan.link_apart add column bucket smallint;
truncate padan.dedup_row, padan.dedup_key;
alter table padan.dedup_row add column run_id bigint not null, add column bucket smallint not null;
alter table padan.dedup_key add column run_id bigint not null, add column bucket smallint not null;
alter table padan.dedup_row set logged;
alter table padan.dedup_key set logged;
create index dedup_row_part on padan.dedup_row (run_id, bucket);
create index dedup_key_part on padan.dedup_key (run_id, bucket);
-- The registry's keys (link_nik, link_block, V112) stay unlogged scratch, written once per run before its parts are
-- handed out. This row says whose keys they are, and is written once they are complete; unlogged like them, a crash
-- that empties them empties it too, so a part can tell the keys are missing instead of searching an empty table.
create unlogged table padan.link_keyed (
    run_id bigint not null
);
