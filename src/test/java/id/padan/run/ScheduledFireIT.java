package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.run.internal.ScheduledFire;
import id.padan.schedule.ScheduleLog.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scheduled fire does with the night's drop folder (the Quartz side is in {@link DaemonClusterIT}): a file
 * still being copied is not taken until it is complete, a required source that is missing is reported and not
 * replaced by an older file, and the same night again is recognised as done.
 */
class ScheduledFireIT {
    @TempDir
    Path work;

    @Test
    void aHalfCopiedFileIsNotTakenAMissingSourceIsReportedAndTheSameNightIsNotRunTwice() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path copying = Extracts.copyInto(work.resolve("copying"));
        Path pkh = copying.resolve("pkh_20261123.csv");
        byte[] whole = Files.readAllBytes(pkh);
        Files.write(pkh, Arrays.copyOf(whole, whole.length / 3)); // a slow copy is a third of the way

        Path lateKip = Extracts.copyInto(work.resolve("late-kip"));
        Files.move(lateKip.resolve("kip_20261123.csv"), lateKip.resolve("kip_20261122.csv"));

        Path noKip = Extracts.copyInto(work.resolve("no-kip"));
        Files.delete(noKip.resolve("kip_20261123.csv"));

        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("no-kip.yml"), """
                cron: "0 30 1 * * ?"
                input: {directory: no-kip, pick: newest-date, settle-seconds: 0, require: [DUKCAPIL], wait-minutes: 0}
                as-of: file-date
                output: out
                """);
        Files.writeString(jobs.resolve("copying.yml"), """
                cron: "0 30 1 * * ?"
                input: {directory: copying, pick: newest-date, ready: stable, settle-seconds: 2, require: all, wait-minutes: 2}
                as-of: file-date
                output: out
                """);
        Files.writeString(jobs.resolve("late-kip.yml"), """
                cron: "0 30 1 * * ?"
                input: {directory: late-kip, pick: newest-date, settle-seconds: 0, require: [DUKCAPIL, KIP], wait-minutes: 0}
                as-of: file-date
                output: out
                """);
        db.useForProduct();
        try (var ctx = Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.daemon", true, "padan.jobs-dir", jobs.toString(),
                "padan.jobs-base", work.toString(), "padan.schedule.poll-seconds", 1, "padan.schedule.probe-ms", 300, "padan.home", work.resolve(".padan")))) {
            ScheduledFire fire = ctx.getBean(ScheduledFire.class);

            CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> copyTheRest(pkh, whole, whole.length / 3));
            CompletableFuture<Outcome> night = CompletableFuture.supplyAsync(() -> fire.fire("copying", Instant.now(), false, "test"));
            waitFor(db, "select count(*) from padan.schedule_fire where outcome = 'WAITING'");
            assertThat(Sql.text(db, "select detail from padan.schedule_fire")).containsPattern("PKH=pkh_20261123.csv \\((changed|still being written)");
            assertThat(copy).as("the copy is still going on").isNotDone();
            assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("no run while a file is being copied").isZero();
            copy.get(1, TimeUnit.MINUTES);

            assertThat(night.get(3, TimeUnit.MINUTES)).isEqualTo(Outcome.COMPLETED);
            assertThat(Sql.longValue(db, "select size_bytes from padan.input_file where source = 'PKH'")).isEqualTo(whole.length);
            Published.load(db).assertSameAs(Extracts.reference());

            assertThat(fire.fire("copying", Instant.now(), false, "test")).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(Sql.text(db, "select detail from padan.schedule_fire order by fire_id desc limit 1")).isEqualTo("already reconciled by run 1");

            assertThat(fire.fire("late-kip", Instant.now(), false, "test")).isEqualTo(Outcome.MISSING_SOURCE);
            assertThat(Sql.text(db, "select detail from padan.schedule_fire order by fire_id desc limit 1"))
                    .contains("required source(s) [KIP] still missing", "KIP missing: no file dated 2026-11-23 (the newest is kip_20261122.csv, which is not used in its place)");
            assertThat(Sql.longValue(db, "select count(*) from padan.run")).isEqualTo(1);

            // Without allow-partial, a night without KIP is refused: no run, nothing published.
            assertThat(fire.fire("no-kip", Instant.now(), false, "test")).isEqualTo(Outcome.REFUSED);
            assertThat(Sql.text(db, "select detail from padan.schedule_fire order by fire_id desc limit 1"))
                    .startsWith("refused: source KIP (no file starting with 'kip'").contains("GAP_PKH_CHILD_NO_KIP on PKH");
            assertThat(Sql.longValue(db, "select count(*) from padan.run")).isEqualTo(1);
        }
        InProcess.Result fires = InProcess.padan(db, "history", "--fires", "--config", PadanProcess.CONFIG.toString());
        assertThat(fires.output()).contains("MISSING_SOURCE", "ALREADY_DONE", "COMPLETED", "REFUSED");
    }

    /** Appends the rest of the file in slices, like a slow copy over the network. */
    private static void copyTheRest(Path file, byte[] whole, int from) {
        try {
            int slices = 20;
            for (int i = 0; i < slices; i++) {
                Thread.sleep(200);
                int a = from + (whole.length - from) * i / slices, b = from + (whole.length - from) * (i + 1) / slices;
                Files.write(file, Arrays.copyOfRange(whole, a, b), StandardOpenOption.APPEND);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(TestDatabase.Db db, String countQuery) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Sql.longOrMinusOne(db, countQuery) < 1) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + countQuery);
            Thread.sleep(50);
        }
    }
}
