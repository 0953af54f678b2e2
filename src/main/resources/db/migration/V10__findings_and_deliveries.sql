-- Findings are read per row (corrected extracts, reports, run-to-run changes): index them by row.
create index finding_row on padan.finding (run_id, source, record_key);

-- Every file a run delivered (reports, corrected extracts, summary), as in its manifest.csv, so that
-- history and audits can answer "what did the dinas of 3603 receive from run 12" without the files.
create table padan.delivered_file (
    run_id   bigint not null,
    path     text   not null,   -- relative to <out>/run-<id>/
    kind     text   not null,   -- REPORT, EXTRACT, SUMMARY
    source   text,              -- for extracts: the program
    region   text,              -- kabupaten/kota code, 'NASIONAL', or '_unknown_region'
    rows     bigint not null,
    bytes    bigint not null,
    sha256   text   not null,
    primary key (run_id, path)
);
