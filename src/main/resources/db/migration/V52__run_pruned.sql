-- Retention: `padan prune` deletes an old run's rows (staging, links, persons, findings, outcomes, rejected rows,
-- deliveries, Spring Batch's records of it) and keeps the run itself, marked here, so that the history still shows it.
alter table padan.run add column pruned_at timestamptz;
