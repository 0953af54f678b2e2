-- A row's own match method may be any MatchMethod (REVIEW included: a row whose only link is a reviewer's candidate).
alter table padan.source_record drop constraint source_record_match_method_known;
alter table padan.source_record add constraint source_record_match_method_known check (match_method in (
    'EXACT_NIK', 'NIK_REPAIR_ONE_DIGIT', 'NIK_REPAIR_SWAP', 'NIK_REPAIR_LENGTH', 'NIK_REPAIR_KK_NUMBER', 'NIK_REPAIR_FAMILY',
    'PROBABILISTIC', 'REVIEW', 'DEDUP_SAME_NIK', 'DEDUP_PROBABILISTIC', 'REGISTRY', 'LINKED_VIA_CLUSTER', 'NEW_PERSON'));
alter table padan.row_outcome drop constraint row_outcome_match_method_known;
alter table padan.row_outcome add constraint row_outcome_match_method_known check (match_method in (
    'EXACT_NIK', 'NIK_REPAIR_ONE_DIGIT', 'NIK_REPAIR_SWAP', 'NIK_REPAIR_LENGTH', 'NIK_REPAIR_KK_NUMBER', 'NIK_REPAIR_FAMILY',
    'PROBABILISTIC', 'REVIEW', 'DEDUP_SAME_NIK', 'DEDUP_PROBABILISTIC', 'REGISTRY', 'LINKED_VIA_CLUSTER', 'NEW_PERSON'));
