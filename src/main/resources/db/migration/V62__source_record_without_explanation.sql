-- padan.source_record.explanation was never written (explanations live once, in padan.row_link, since V7):
-- the published view reads them from the links alone and the column goes.
create or replace view reconciled.source_record as
select s.run_id, s.source, s.record_key, s.person_id, s.match_method, s.match_score,
       coalesce(l.explanation, v.explanation) as explanation
from padan.source_record s
join padan.run r on r.run_id = s.run_id
left join padan.row_link l on l.run_id = s.run_id and l.source = s.source and l.record_key = s.record_key and l.method <> 'REVIEW'
left join padan.row_link v on v.run_id = s.run_id and v.source = s.source and v.record_key = s.record_key and v.method = 'REVIEW'
where r.published_at is not null;
alter table padan.source_record drop column explanation;
