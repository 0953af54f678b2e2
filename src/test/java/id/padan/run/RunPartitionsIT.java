package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.TestDatabase;
import id.padan.store.RunPartitions;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Resolve's output partitioned by run (V121): a database holding runs from before keeps every row, each run in a
 * partition of its own, with the published views still reading them; a run written again replaces its partition,
 * whose indexes are built when it is attached.
 */
class RunPartitionsIT {
    private static Flyway flyway(TestDatabase.Db db, String target) {
        var f = Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration");
        return (target == null ? f : f.target(target)).load();
    }

    @Test
    void runsStoredBeforeArePartitionedByRunWithTheirRowsAndViews() {
        TestDatabase.Db db = TestDatabase.newDatabase();
        flyway(db, "112").migrate();
        for (long run = 1; run <= 2; run++) {
            Sql.execute(db, "insert into padan.run (run_id, as_of, input_dir, input_fingerprint, status, published_at) values (" + run
                    + ", date '2026-11-2" + run + "', 'in', 'f', 'COMPLETED', now())");
            for (int i = 0; i < 3 + run; i++) {
                Sql.execute(db, "insert into padan.source_record (run_id, source, record_key, line_no, person_id, match_method, match_score) values ("
                        + run + ", 'PKH', 'k" + i + "', " + (i + 2) + ", " + (100 + i) + ", 'EXACT_NIK', 1.0)");
                Sql.execute(db, "insert into padan.person (run_id, person_id, name, in_dukcapil) values (" + run + ", " + (100 + i) + ", 'P" + i + "', true)");
            }
        }

        flyway(db, null).migrate();

        for (String table : RunPartitions.TABLES) {
            assertThat(Sql.text(db, "select string_agg(c.relname, ',' order by c.relname) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                    + "where i.inhparent = '" + table + "'::regclass")).as(table).isEqualTo(table.substring(6) + "_r1," + table.substring(6) + "_r2");
            assertThat(Sql.longValue(db, "select count(*) from " + table + " where run_id = 1")).isEqualTo(4);
            assertThat(Sql.longValue(db, "select count(*) from " + table + " where run_id = 2")).isEqualTo(5);
        }
        assertThat(Sql.longValue(db, "select count(*) from reconciled.person")).as("the published view reads the current run").isEqualTo(5);
        assertThat(Sql.longValue(db, "select count(*) from reconciled.source_record")).as("both published runs").isEqualTo(9);
        assertThatThrownBy(() -> Sql.execute(db, "insert into padan.person (run_id, person_id, in_dukcapil) values (2, 100, true)"))
                .as("the primary key holds over the partitions").hasMessageContaining("duplicate key").hasMessageContaining("person_r2_pkey");
        assertThatThrownBy(() -> Sql.execute(db, "insert into padan.person (run_id, person_id, in_dukcapil) values (3, 1, true)"))
                .as("a run's rows are written only through its own partition").hasMessageContaining("no partition");
    }

    @Test
    void aRunWrittenAgainReplacesItsPartitionAndItsIndexesAreBuiltOnAttach() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        flyway(db, null).migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            for (int attempt = 1; attempt <= 2; attempt++) {
                String table = RunPartitions.fresh(c, "padan.person", 7);
                assertThat(table).isEqualTo("padan.person_r7");
                try (var st = c.createStatement()) {
                    st.execute("insert into " + table + " (run_id, person_id, name, in_dukcapil) select 7, g, 'attempt " + attempt
                            + "', false from generate_series(1, " + (10 * attempt) + ") g");
                }
                RunPartitions.attach(c, "padan.person", 7);
                c.commit();
            }
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.person where run_id = 7")).isEqualTo(20);
        assertThat(Sql.longValue(db, "select count(*) from padan.person where name = 'attempt 1'")).as("the first attempt's rows are gone").isZero();
        assertThat(Sql.text(db, "select string_agg(indexrelid::regclass::text, ',') from pg_index where indrelid = 'padan.person_r7'::regclass"))
                .as("the primary key's index built on attach").isEqualTo("padan.person_r7_pkey");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            assertThat(RunPartitions.drop(c, "padan.person", 7)).isEqualTo(20);
            assertThat(RunPartitions.drop(c, "padan.person", 7)).as("nothing left to drop").isZero();
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.person")).isZero();
    }
}
