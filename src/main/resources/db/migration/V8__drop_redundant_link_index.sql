-- row_link_key (run_id, source, record_key) serves every lookup by run; a second index on run_id alone
-- only made the link stage's COPY of a run's links slower.
drop index if exists padan.row_link_run;
