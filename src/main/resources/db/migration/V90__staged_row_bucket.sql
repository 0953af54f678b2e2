-- Every staged row gets a bucket at ingest (a hash of its 16-digit NIK, else of its source and record key;
-- see ingest.RowBuckets), so that the rows of one NIK, the registry's and every program's, are always in one
-- bucket, and a stage can read a run one partition (a range of buckets) at a time. Rows staged before this
-- column existed are in bucket 0.
alter table padan.staged_row add column bucket smallint not null default 0;
