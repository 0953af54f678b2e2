-- The reports look a finding's row up by its record key (findings carry keys, not line numbers).
create index row_outcome_key on padan.row_outcome (run_id, source, record_key);
