package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where padan keeps Flyway's history and the Spring Batch and Quartz tables: where an existing installation has
 * them, never where the login's search_path happens to point. (The new-database case, a login named padan over
 * five nights, is {@link OperatorDatabaseIT}.)
 */
class DatabaseSchemaIT {
    @TempDir
    Path work;

    @AfterEach
    void clearSchema() {
        System.clearProperty("padan.db.schema");
    }

    private InProcess.Result night(TestDatabase.Db db, String asOf) throws Exception {
        return InProcess.padan(db, "run", "--input", Extracts.input().toString(), "--as-of", asOf, "--file-date", Extracts.AS_OF,
                "--out", work.resolve("out").toString(), "--config", PadanProcess.CONFIG.toString());
    }

    private static String historySchemas(TestDatabase.Db db) {
        return Sql.text(db, "select string_agg(n.nspname, ',' order by n.nspname) from pg_class t join pg_namespace n on n.oid = t.relnamespace "
                + "where t.relname = 'flyway_schema_history'");
    }

    @Test
    void anInstallationWithItsHistoryInSchemaPadanKeepsUsingIt() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        System.setProperty("padan.db.schema", "padan");
        assertThat(night(db, "2026-11-23").exit()).isZero();
        assertThat(historySchemas(db)).isEqualTo("padan");
        System.clearProperty("padan.db.schema");

        InProcess.Result next = night(db, "2026-11-24");
        assertThat(next.exit()).as(next.output()).isZero();
        assertThat(next.output()).contains("database schema padan for Flyway's history");
        assertThat(historySchemas(db)).as("the history stays where it was").isEqualTo("padan");
        assertThat(Sql.longValue(db, "select count(*) from information_schema.tables where table_schema = 'public'")).as("nothing created in public").isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.batch_job_instance")).isEqualTo(2);

        System.setProperty("padan.db.schema", "public");
        InProcess.Result elsewhere = night(db, "2026-11-25");
        assertThat(elsewhere.exit()).isEqualTo(1);
        assertThat(elsewhere.output()).contains("padan.db.schema (PADAN_DB_SCHEMA) is public, but padan's migration history is in schema padan");
        assertThat(Sql.longValue(db, "select count(*) from information_schema.tables where table_schema = 'public'")).as("still nothing in public").isZero();
    }

    @Test
    void leftoversOfAStartThatFailedAtV3AreNamedAndNotUsedAndTwoHistoriesAreRefused() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        assertThat(night(db, "2026-11-23").exit()).isZero();
        assertThat(historySchemas(db)).isEqualTo("public");
        // What a login named padan left before the schema was pinned: a second history in schema padan that got as
        // far as V2, with empty Spring Batch tables next to it.
        Sql.execute(db, "create table padan.flyway_schema_history (like public.flyway_schema_history including all)");
        Sql.execute(db, "insert into padan.flyway_schema_history select * from public.flyway_schema_history where version in ('1', '2')");
        Sql.execute(db, "create table padan.batch_job_instance (like public.batch_job_instance including all)");

        InProcess.Result next = night(db, "2026-11-24");
        assertThat(next.exit()).as(next.output()).isZero();
        assertThat(next.output()).contains("schema padan holds a Flyway history and Spring Batch/Quartz tables left by an earlier start that failed at migration V3");
        assertThat(Sql.longValue(db, "select count(*) from public.batch_job_instance")).isEqualTo(2);
        assertThat(Sql.longValue(db, "select count(*) from padan.batch_job_instance")).as("the leftovers are not used").isZero();

        Sql.execute(db, "insert into padan.flyway_schema_history select * from public.flyway_schema_history where version = '3'");
        InProcess.Result refused = night(db, "2026-11-25");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("padan's migration history is in more than one schema of this database (padan, public)");
    }
}
