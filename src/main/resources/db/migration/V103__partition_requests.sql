-- Requests for link partitions handed to `padan worker` processes (padan run --remote-workers): Spring Integration's
-- JDBC channel message store, from schema-postgresql.sql in spring-integration-jdbc 7.1.2, its channel part only
-- (INT_MESSAGE_SEQ, INT_CHANNEL_MESSAGE and its index; the other INT_ tables are for features padan does not use).
-- Like Spring Batch's and Quartz's tables, unqualified: they live in the schema of Flyway's history, which every
-- pooled connection has as its search_path (DatabaseSchema). Workers take a request with
-- DELETE ... FOR UPDATE SKIP LOCKED, so each request goes to one worker.
CREATE SEQUENCE INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE INT_CHANNEL_MESSAGE (
	MESSAGE_ID CHAR(36) NOT NULL,
	GROUP_KEY CHAR(36) NOT NULL,
	CREATED_DATE BIGINT NOT NULL,
	MESSAGE_PRIORITY BIGINT,
	MESSAGE_SEQUENCE BIGINT NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
	MESSAGE_CONTENT BYTEA,
	REGION VARCHAR(100) NOT NULL,
	constraint INT_CHANNEL_MESSAGE_PK primary key (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);

CREATE INDEX INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);
