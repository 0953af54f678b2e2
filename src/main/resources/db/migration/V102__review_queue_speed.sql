-- The review page at a national queue's size (100,000 open items): no request reads a whole run.

-- Each queue item carries the evidence a decision on it judges (padan.row_evidence of the row as sent, of its
-- person's registry row and of the candidate), and its registry row's key, so a decision made on the page is checked
-- and fingerprinted from its item instead of by reading the run's staged rows (which have no index by record key).
alter table padan.review_queue_item add column reg_source text, add column reg_key text, add column sent_evidence text,
    add column reg_evidence text, add column cand_evidence text;

-- An item whose row names no kabupaten has kabupaten '' (not null), so the queue's order is a plain row comparison for
-- keyset paging; like before, only national viewers and admins see it.
update padan.review_queue_item set kabupaten = '' where kabupaten is null;
alter table padan.review_queue_item alter column kabupaten set not null;

-- How many items each run has per kabupaten and program, written with the items: the page's "N items waiting" adds
-- these up (under the same row-level security) instead of counting 100,000 rows on every page.
create table padan.review_queue_count (
    run_id    bigint not null,
    kabupaten text   not null,
    source    text   not null,
    items     int    not null
);
create index review_queue_count_run on padan.review_queue_count (run_id);
alter table padan.review_queue_count enable row level security;
create policy review_queue_count_scope on padan.review_queue_count for select using (
    (select padan.web_everything()) or (kabupaten = any ((select padan.web_kabupaten())::text[])
        and (cardinality((select padan.web_programs())) = 0 or source = any ((select padan.web_programs())::text[]))));

-- The fingerprint of a decision's evidence from the evidence texts (the formula of V100's decisions, unchanged), so
-- that it is computed the same from the staged rows (import, run) and from a queue item (the page).
create function padan.evidence_fingerprint(kind text, code text, row_evidence text, other_key text, other_evidence text) returns text
    language sql immutable as $$
    select md5(concat_ws('#', kind, code, row_evidence, coalesce(other_key, ''), coalesce(other_evidence, '')))
$$;
