-- The run-scoped tables that hold a row per input row, staged rows and their links, and the rows link leaves for its
-- search, become PostgreSQL native partitioned tables, partitioned by the row's bucket (ingest.RowBuckets: a hash
-- of the NIK, 1024 buckets) in 16 ranges of 64 buckets. A stage that reads or replaces one Spring Batch partition
-- (a range of buckets, ingest.Partition) then touches only the table partitions of that range (partition pruning),
-- and the same key is what a distributed store (Citus) would shard on. A link of the search over the rows left
-- over has no bucket (null): it goes to row_link's default partition.
--
-- Existing rows are copied into the new tables once, here.

alter table padan.staged_row rename to staged_row_before_partitioning;
alter table padan.row_link rename to row_link_before_partitioning;
alter table padan.link_leftover rename to link_leftover_before_partitioning;

create table padan.staged_row (like padan.staged_row_before_partitioning including defaults including constraints)
    partition by range (bucket);
create table padan.row_link (like padan.row_link_before_partitioning including defaults including constraints)
    partition by range (bucket);
create table padan.link_leftover (like padan.link_leftover_before_partitioning including defaults including constraints)
    partition by range (bucket);

do $$
begin
    for i in 0..15 loop
        execute format('create table padan.staged_row_%s partition of padan.staged_row for values from (%s) to (%s)',
                       lpad(i::text, 2, '0'), i * 64, (i + 1) * 64);
        execute format('create table padan.row_link_%s partition of padan.row_link for values from (%s) to (%s)',
                       lpad(i::text, 2, '0'), i * 64, (i + 1) * 64);
        execute format('create table padan.link_leftover_%s partition of padan.link_leftover for values from (%s) to (%s)',
                       lpad(i::text, 2, '0'), i * 64, (i + 1) * 64);
    end loop;
end $$;
create table padan.row_link_search partition of padan.row_link default;

insert into padan.staged_row select * from padan.staged_row_before_partitioning;
insert into padan.row_link select * from padan.row_link_before_partitioning;
insert into padan.link_leftover select * from padan.link_leftover_before_partitioning;

-- What depends on the tables' row types and names is moved to the new tables.
create or replace view reconciled.source_record as
select s.run_id, s.source, s.record_key, s.person_id, s.match_method, s.match_score,
       coalesce(l.explanation, v.explanation) as explanation
from padan.source_record s
join padan.run r on r.run_id = s.run_id
left join padan.row_link l on l.run_id = s.run_id and l.source = s.source and l.record_key = s.record_key and l.method <> 'REVIEW'
left join padan.row_link v on v.run_id = s.run_id and v.source = s.source and v.record_key = s.record_key and v.method = 'REVIEW'
where r.published_at is not null;

drop function padan.row_evidence(padan.staged_row_before_partitioning);
create function padan.row_evidence(s padan.staged_row) returns text language sql immutable as $$
    select concat_ws('|', coalesce(s.nik_raw, ''), coalesce(s.name_raw, ''), coalesce(s.birth_date::text, ''), coalesce(s.sex::text, ''),
                     coalesce(s.region_desa, ''), coalesce(s.region_kec, ''), coalesce(s.region_kab, ''), coalesce(s.death_date::text, ''),
                     coalesce(s.kk, ''))
$$;

drop table padan.staged_row_before_partitioning;
drop table padan.row_link_before_partitioning;
drop table padan.link_leftover_before_partitioning;

create index staged_row_run on padan.staged_row using brin (run_id);
create index row_link_key on padan.row_link (run_id, source, record_key);
create index link_leftover_run on padan.link_leftover (run_id, bucket);
