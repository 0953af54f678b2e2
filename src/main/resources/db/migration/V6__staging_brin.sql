-- Staged and rejected rows are written once per run with COPY and read back per run: a BRIN index on
-- the ever-increasing run_id finds a run's pages at almost no cost to the load, where a B-tree on
-- (run_id, source, record_key) was maintained row by row.
drop index padan.staged_row_run;
create index staged_row_run on padan.staged_row using brin (run_id);
drop index padan.rejected_row_run;
create index rejected_row_run on padan.rejected_row using brin (run_id);
