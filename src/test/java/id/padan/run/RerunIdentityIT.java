package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs are identified by their inputs, and only one run writes a database at a time. */
class RerunIdentityIT {
    @TempDir
    Path work;

    private String[] run(String asOf, String... more) throws Exception {
        String[] base = {"run", "--input", Extracts.input().toString(), "--as-of", asOf, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theSameExtractsAreNotReconciledTwiceAndAForcedRerunKeepsEveryPersonId() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        assertThat(InProcess.padan(db, run(Extracts.AS_OF)).exit()).isZero();

        InProcess.Result again = InProcess.padan(db, run(Extracts.AS_OF));
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("already reconciled for 2026-11-23 as run 1; nothing to do");
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).isEqualTo(1);
        assertThat(Sql.longValue(db, "select count(*) from batch_job_execution")).isEqualTo(1);

        InProcess.Result forced = InProcess.padan(db, run(Extracts.AS_OF, "--force"));
        assertThat(forced.exit()).as(forced.output()).isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).isEqualTo(2);
        String persons = "select string_agg(concat_ws('|', person_id, nik, name, birth_date, in_dukcapil), ',' order by person_id) from padan.person where run_id = ";
        String links = "select string_agg(concat_ws('|', source, record_key, person_id), ',' order by source, record_key) from padan.source_record where run_id = ";
        assertThat(Sql.text(db, persons + 2)).as("persons of the forced rerun").isNotBlank().isEqualTo(Sql.text(db, persons + 1));
        assertThat(Sql.text(db, links + 2)).as("each row's person id in the forced rerun").isNotBlank().isEqualTo(Sql.text(db, links + 1));
        assertThat(Sql.longValue(db, "select max(person_id) from padan.person")).as("no new ids handed out")
                .isEqualTo(Sql.longValue(db, "select max(person_id) from padan.person where run_id = 1"));
        Published.load(db).assertSameAs(Extracts.reference());
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsWritingAndTheFirstIsResumedAfterItsProcessDies() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        try (PadanProcess first = PadanProcess.start(work, db, Map.of("padan.test.pause-before-stages", "link", "padan.test.pause-ms", "60000"),
                run(Extracts.AS_OF))) {
            first.awaitLine("pausing 60000 ms before stage link", Duration.ofSeconds(90));

            InProcess.Result second = InProcess.padan(db, run("2026-11-24", "--file-date", Extracts.AS_OF));
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.output()).contains("padan: another padan run is writing to this database: run 1 (started ");
            InProcess.Result restart = InProcess.padan(db, "restart", "1", "--config", PadanProcess.CONFIG.toString());
            assertThat(restart.exit()).isEqualTo(1);
            assertThat(restart.output()).contains("another padan run is writing to this database");
            assertThat(InProcess.padan(db, "history", "--config", PadanProcess.CONFIG.toString()).output()).contains("RUNNING");
            assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("the refused run left nothing").isEqualTo(1);

            first.kill();
        }
        InProcess.Result history = InProcess.padan(db, "history", "--config", PadanProcess.CONFIG.toString());
        assertThat(history.output()).contains("INTERRUPTED", "resume:  padan restart 1");
        InProcess.Result restart = InProcess.padan(db, "restart", "1", "--config", PadanProcess.CONFIG.toString());
        assertThat(restart.exit()).as(restart.output()).isZero();
        Published.load(db).assertSameAs(Extracts.reference());
    }
}
