package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.store.RunPruner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention: {@code padan prune} removes old runs' rows and says what it removed, and keeps the newest runs, the
 * current run (even when it is not the newest) and the stable person ids, so the next run gives every row the person
 * id it had.
 */
class PruneIT {
    @TempDir
    Path work;

    @Test
    void oldRunsArePrunedTheCurrentRunAndPersonIdsAreKept() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        String config = PadanProcess.CONFIG.toString();
        String[] run = {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", config, "--force"};
        for (int i = 0; i < 3; i++) assertThat(InProcess.padan(db, run).exit()).isZero();
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).isEqualTo(3);
        long identities = Sql.longValue(db, "select count(*) from padan.person_identity");
        long run3Rows = Sql.longValue(db, "select count(*) from padan.staged_row where run_id = 3");

        InProcess.Result dry = InProcess.padan(db, "prune", "--keep", "1", "--dry-run", "--config", config);
        assertThat(dry.exit()).isZero();
        assertThat(dry.output()).contains("would remove the rows of 2 run(s): 1, 2").containsPattern("padan.staged_row\\s+" + String.format("%,d", 2 * run3Rows));
        assertThat(Sql.longValue(db, "select count(*) from padan.staged_row where run_id < 3")).as("a dry run removes nothing").isEqualTo(2 * run3Rows);

        InProcess.Result prune = InProcess.padan(db, "prune", "--keep", "1", "--config", config);
        assertThat(prune.exit()).isZero();
        assertThat(prune.output()).contains("removed the rows of 2 run(s): 1, 2");
        for (String table : RunPruner.RUN_TABLES) {
            assertThat(Sql.longValue(db, "select count(*) from " + table + " where run_id < 3")).as(table).isZero();
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.staged_row where run_id = 3")).isEqualTo(run3Rows);
        assertThat(Sql.text(db, "select concat_ws(',', to_regclass('padan.person_r1'), to_regclass('padan.source_record_r2'), "
                + "to_regclass('padan.person_r3'))")).as("the pruned runs' partitions are dropped, the kept run's stay").isEqualTo("padan.person_r3");
        assertThat(Sql.longValue(db, "select count(*) from padan.run where pruned_at is not null")).isEqualTo(2);
        assertThat(Sql.longValue(db, "select count(*) from batch_job_instance")).isEqualTo(1);
        assertThat(Sql.longValue(db, "select count(*) from padan.person_identity")).isEqualTo(identities);
        assertThat(InProcess.padan(db, "history", "--config", config).output()).contains("its rows were removed (padan prune)");
        InProcess.Result restart = InProcess.padan(db, "restart", "1", "--config", config);
        assertThat(restart.exit()).isEqualTo(1);
        assertThat(restart.output()).contains("run 1 was pruned");

        // A re-run of an older as-of date is the newest run but not the current one: prune keeps both.
        String[] older = {"run", "--input", Extracts.input().toString(), "--as-of", "2026-11-20", "--file-date", Extracts.AS_OF,
                "--out", work.resolve("out").toString(), "--config", config};
        assertThat(InProcess.padan(db, older).exit()).isZero();
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).isEqualTo(3);
        assertThat(InProcess.padan(db, "prune", "--keep", "1", "--config", config).output()).contains("nothing to remove");
        assertThat(Sql.longValue(db, "select count(*) from padan.staged_row where run_id = 3")).isEqualTo(run3Rows);

        // The next run after the prune: every row keeps its person id.
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long next = Sql.longValue(db, "select max(run_id) from padan.run");
        assertThat(Sql.longValue(db, """
                select count(*) from padan.source_record a join padan.source_record b using (source, record_key)
                where a.run_id = 3 and b.run_id = %d and a.person_id <> b.person_id""".formatted(next))).isZero();
    }
}
