package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code padan daemon} processes on one database, with a job that fires every few seconds: each fire happens
 * on one daemon only and the extracts are reconciled once. Killing the daemon that runs the reconciliation (kill -9)
 * makes the other take the fire over (Quartz cluster recovery) and resume the run where it stopped, with the same
 * published result as an uninterrupted run. The survivor serves health and metrics over HTTP.
 */
class DaemonClusterIT {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String OPERATOR_PASSWORD = "cluster-test-password";

    @TempDir
    Path work;

    @Test
    void twoDaemonsFireEachTriggerOnceAndTheSurvivorResumesTheRunOfADaemonKilledMidRun() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        InProcess.padan(db, "history", "--config", PadanProcess.CONFIG.toString()); // migrate once, before two daemons start together
        Path drop = Extracts.copyInto(work.resolve("drop"));
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("nightly.yml"), """
                cron: "0/3 * * * * ?"
                input:
                  directory: %s
                  pick: newest-date
                  settle-seconds: 0
                  require: all
                  wait-minutes: 1
                as-of: file-date
                output: %s
                """.formatted(drop, work.resolve("out")));
        Map<String, String> props = Map.of("padan.daemon.cluster-checkin-ms", "1000", "padan.schedule.probe-ms", "200",
                "padan.schedule.poll-seconds", "1", "padan.test.pause-before-stages", "link", "padan.test.pause-ms", "4000",
                "padan.management.user", "operator", "padan.management.password", OPERATOR_PASSWORD);
        String[] daemon = {"daemon", "--jobs", jobs.toString(), "--config", PadanProcess.CONFIG.toString(), "--port", "0"};
        try (PadanProcess a = PadanProcess.start(work.resolve("a"), db, props, daemon);
             PadanProcess b = PadanProcess.start(work.resolve("b"), db, props, daemon)) {
            a.awaitLine("padan daemon ", LONG);
            b.awaitLine("padan daemon ", LONG);
            a.await("the run paused before linking", () -> Sql.longOrMinusOne(db,
                    "select count(*) from batch_step_execution where step_name = 'link' and status = 'STARTED'") == 1, LONG);
            long runner = Sql.longValue(db, "select pid from padan.schedule_fire where outcome = 'RUNNING'");
            PadanProcess killed = runner == a.pid() ? a : b, survivor = runner == a.pid() ? b : a;
            assertThat(runner).isIn(a.pid(), b.pid());
            killed.kill();

            survivor.await("the run completed by the surviving daemon", () -> "COMPLETED".equals(
                    Sql.text(db, "select string_agg(status, ',') from padan.run")), LONG);
            survivor.await("the fire recorded as completed", () -> Sql.longOrMinusOne(db,
                    "select count(*) from padan.schedule_fire where outcome = 'COMPLETED' and pid = " + survivor.pid()) == 1, LONG);
            assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("one run").isEqualTo(1);
            assertThat(Sql.longValue(db, "select count(*) from padan.schedule_fire where not recovering group by scheduled_at order by 1 desc limit 1"))
                    .as("no trigger fired twice").isEqualTo(1);
            assertThat(Sql.text(db, "select outcome from padan.schedule_fire where pid = " + killed.pid()))
                    .as("the killed daemon's fire").isEqualTo("INTERRUPTED");
            assertThat(Sql.longValue(db, "select count(*) from batch_job_execution")).as("the run was resumed, not started over").isEqualTo(2);
            assertThat(Sql.text(db, "select string_agg(step_name, ',' order by step_execution_id) from batch_step_execution "
                    + "where job_execution_id = (select max(job_execution_id) from batch_job_execution)"))
                    .as("the resumed attempt starts at link (its one partition, then the search in one part, then the deduplication), not at ingest")
                    .matches("link,link-partition:p0001-of-0001,link-search,link-search-part:b[0-9]{4}-[0-9]{4},link-dedup,resolve,.*");
            Published.load(db).assertSameAs(reference);

            // Health and metrics of the survivor.
            Matcher port = Pattern.compile("health at http://127.0.0.1:(\\d+)/").matcher(survivor.awaitLine("health at http://", LONG));
            assertThat(port.find()).isTrue();
            String base = "http://127.0.0.1:" + port.group(1) + "/actuator/";
            assertThat(get(base + "health")).contains("\"status\":\"UP\"", "\"schedule\"", "\"nightly\"", "\"lastOutcome\"");
            assertThat(get(base + "metrics/padan.run.last.success")).containsPattern("\"value\":1\\.[0-9]+E9");
            assertThat(get(base + "metrics/padan.stage.rows?tag=stage:ingest")).containsPattern("\"value\":[1-9][0-9]*\\.0");
            assertThat(get(base + "metrics/padan.schedule.fires")).contains("\"outcome\"");
            assertThat(survivor.stop(Duration.ofSeconds(60))).as("a clean stop on SIGTERM").isIn(0, 143);
        }
    }

    private static String get(String url) throws Exception {
        // The health details and metrics are for the operator's credentials (HTTP basic).
        String basic = java.util.Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
