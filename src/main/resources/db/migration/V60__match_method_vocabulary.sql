-- One vocabulary for how a row came to its person (id.padan.link.MatchMethod): the tables refuse any other word.
alter table padan.row_link add constraint row_link_method_known check (method in (
    'EXACT_NIK', 'NIK_REPAIR_ONE_DIGIT', 'NIK_REPAIR_SWAP', 'NIK_REPAIR_LENGTH', 'NIK_REPAIR_KK_NUMBER', 'NIK_REPAIR_FAMILY',
    'PROBABILISTIC', 'REVIEW', 'DEDUP_SAME_NIK', 'DEDUP_PROBABILISTIC'));
alter table padan.source_record add constraint source_record_match_method_known check (match_method in (
    'EXACT_NIK', 'NIK_REPAIR_ONE_DIGIT', 'NIK_REPAIR_SWAP', 'NIK_REPAIR_LENGTH', 'NIK_REPAIR_KK_NUMBER', 'NIK_REPAIR_FAMILY',
    'PROBABILISTIC', 'DEDUP_SAME_NIK', 'DEDUP_PROBABILISTIC', 'REGISTRY', 'LINKED_VIA_CLUSTER', 'NEW_PERSON'));
alter table padan.row_outcome add constraint row_outcome_match_method_known check (match_method in (
    'EXACT_NIK', 'NIK_REPAIR_ONE_DIGIT', 'NIK_REPAIR_SWAP', 'NIK_REPAIR_LENGTH', 'NIK_REPAIR_KK_NUMBER', 'NIK_REPAIR_FAMILY',
    'PROBABILISTIC', 'DEDUP_SAME_NIK', 'DEDUP_PROBABILISTIC', 'REGISTRY', 'LINKED_VIA_CLUSTER', 'NEW_PERSON'));
