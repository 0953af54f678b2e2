-- One vocabulary for what the tables store as words: finding codes and severities (id.padan.findings.FindingCode,
-- Severity), run and input-file statuses (id.padan.run.RunStatus, id.padan.ingest.FileStatus) and the statuses
-- standardisation gives a row (id.padan.standardise.NikStatus, DateStatus, RegionStatus). Any other word is refused.
alter table padan.finding add constraint finding_code_known check (code in (
    'NIK_MISSING', 'NIK_MALFORMED', 'NIK_STRUCTURE', 'NIK_CORRECTED', 'NOT_IN_DUKCAPIL', 'ATTRIBUTE_MISMATCH', 'DUPLICATE_IN_PROGRAM',
    'DECEASED_BENEFICIARY', 'GAP_PKH_NO_PBI', 'GAP_PKH_CHILD_NO_KIP', 'REGION_MISMATCH', 'REVIEW_POSSIBLE_MATCH'));
alter table padan.finding add constraint finding_severity_known check (severity in ('ERROR', 'WARNING', 'INFO'));
alter table padan.run add constraint run_status_known check (status in ('RUNNING', 'COMPLETED', 'FAILED'));
alter table padan.input_file add constraint input_file_status_known check (status in ('LOADED', 'EMPTY', 'FAILED', 'MISSING'));
alter table padan.staged_row add constraint staged_row_nik_status_known check (nik_status in ('VALID', 'MISSING', 'MALFORMED', 'STRUCTURE'));
alter table padan.staged_row add constraint staged_row_birth_date_status_known check (birth_date_status in ('OK', 'MISSING', 'INVALID'));
alter table padan.staged_row add constraint staged_row_region_status_known check (region_status in ('KNOWN', 'RETIRED', 'UNKNOWN', 'MISSING'));
