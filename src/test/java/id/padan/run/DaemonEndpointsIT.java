package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.run.internal.ScheduleRegistrar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padan daemon}'s Actuator endpoints are read-only and say nothing internal to a caller without the operator's
 * credentials: a POST that would fire the Quartz job is refused and fires nothing; health gives the status without
 * details (no paths); metrics need the credentials when they are set; and a daemon that would listen beyond this
 * machine without credentials refuses to start.
 */
class DaemonEndpointsIT {
    private static final Duration LONG = Duration.ofSeconds(180);
    private static final String USER = "operator";
    private static final String PASSWORD = "s3cret-for-the-test";

    @TempDir
    Path work;

    @Test
    void withCredentialsOnlyTheHealthStatusIsOpenAndNothingCanBePosted() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        try (PadanProcess daemon = PadanProcess.start(work.resolve("d"), db, Map.of("padan.management.user", USER, "padan.management.password", PASSWORD),
                daemonArgs("127.0.0.1"))) {
            String base = base(daemon);

            Response health = send("GET", base + "health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"schedule\"")
                    .doesNotContain("details", "nightly", "path", work.toString(), "PostgreSQL");
            Response detailed = send("GET", base + "health", USER + ":" + PASSWORD);
            assertThat(detailed.body()).contains("\"details\"", "\"nightly\"", "\"cron\"");

            assertThat(send("GET", base + "metrics", null).status()).isEqualTo(401);
            assertThat(send("GET", base + "metrics", USER + ":wrong").status()).isEqualTo(401);
            assertThat(send("GET", base + "metrics", USER + ":" + PASSWORD).status()).isEqualTo(200);
            assertThat(send("GET", base + "quartz/jobs/" + ScheduleRegistrar.GROUP + "/nightly", USER + ":" + PASSWORD).body()).contains("nightly");

            assertPostsFireNothing(db, base, USER + ":" + PASSWORD);
        }
    }

    @Test
    void withoutCredentialsTheDaemonListensOnThisMachineOnly() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        try (PadanProcess refused = PadanProcess.start(work.resolve("r"), db, Map.of(), daemonArgs("0.0.0.0"))) {
            assertThat(refused.waitFor(LONG)).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("would listen on 0.0.0.0, beyond this machine, without a password");
        }
        try (PadanProcess daemon = PadanProcess.start(work.resolve("d"), db, Map.of(), daemonArgs("127.0.0.1"))) {
            String base = base(daemon);
            Response health = send("GET", base + "health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details", "path", work.toString());
            assertThat(send("GET", base + "metrics", null).status()).as("local reads are open without credentials").isEqualTo(200);
            assertPostsFireNothing(db, base, null);
        }
    }

    /** The writes Actuator would offer (the Quartz job fired at once, a logger changed) are refused, and no job fires. */
    private static void assertPostsFireNothing(TestDatabase.Db db, String base, String credentials) throws Exception {
        String job = base + "quartz/jobs/" + ScheduleRegistrar.GROUP + "/nightly";
        for (String who : credentials == null ? new String[] {null} : new String[] {null, credentials}) {
            Response fire = send("POST", job, who, "{\"state\":\"running\"}");
            assertThat(fire.status()).as("POST " + job + " " + fire.body()).isIn(401, 403, 404, 405);
            assertThat(send("POST", base + "loggers/id.padan", who, "{\"configuredLevel\":\"TRACE\"}").status()).isIn(401, 403, 404, 405);
        }
        Thread.sleep(3000); // a fired job records itself within milliseconds
        assertThat(Sql.longOrMinusOne(db, "select count(*) from padan.schedule_fire")).as("fires").isIn(0L, -1L);
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("runs").isZero();
    }

    private String[] daemonArgs(String bind) throws Exception {
        Path drop = Files.isDirectory(work.resolve("drop")) ? work.resolve("drop") : Extracts.copyInto(work.resolve("drop"));
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("nightly.yml"), """
                cron: "0 0 2 1 1 ? 2099"
                input:
                  directory: %s
                  pick: newest-date
                  settle-seconds: 0
                  require: all
                as-of: file-date
                output: %s
                """.formatted(drop, work.resolve("out")));
        return new String[] {"daemon", "--jobs", jobs.toString(), "--config", PadanProcess.CONFIG.toString(), "--port", "0", "--bind", bind};
    }

    private static String base(PadanProcess daemon) throws Exception {
        Matcher port = Pattern.compile("health at http://127.0.0.1:(\\d+)/").matcher(daemon.awaitLine("health at http://", LONG));
        assertThat(port.find()).isTrue();
        return "http://127.0.0.1:" + port.group(1) + "/actuator/";
    }

    record Response(int status, String body) {}

    private static Response send(String method, String url, String credentials) throws Exception {
        return send(method, url, credentials, null);
    }

    private static Response send(String method, String url, String credentials, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) r.header("Content-Type", "application/json");
        if (credentials != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
