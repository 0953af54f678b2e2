-- The link stage runs as Spring Batch partitions (ranges of buckets). Each partition replaces its own output in one
-- transaction, so a partition run again (resumed after a kill, or a request delivered twice) never doubles it:
-- its exact-NIK links (row_link.bucket: the bucket of the linked row; null for the links of the search over the rows
-- left over, which that search replaces as a whole) and the rows it left for the search (link_leftover, with the
-- family card of their NIK's owner when the partition holds one).
alter table padan.row_link add column bucket smallint;
create table padan.link_leftover (
    run_id     bigint   not null,
    bucket     smallint not null,
    source     text     not null,
    record_key text     not null,
    owner_kk   text
);
create index link_leftover_run on padan.link_leftover (run_id, bucket);
