package id.padan.run;

import id.padan.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review page under a full queue: a run with N open items (default 100,000) in one kabupaten, a reviewer of it
 * logged in over HTTP, then 100 queue pages of 50 (following each page's "next" link) and 100 decisions in queue order
 * (each on the item the page opened after the last) timed from the client (latency p50 / p95 / max).
 * Not a test: {@code java -cp ... id.padan.run.ReviewQueueBenchmark [N]}, figures into the README. The items are
 * written straight into the store ({@link ReviewItems}), not produced by a run.
 */
public final class ReviewQueueBenchmark {
    private ReviewQueueBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path tmp = Files.createTempDirectory("review-bench");
        Path password = tmp.resolve("password");
        Files.writeString(password, "rahasia-sekali\n");
        InProcess.padan(db, "review", "user", "add", "ani", "--role", "REVIEWER", "--kabupaten", "3603", "--password-file", password.toString(),
                "--config", PadanProcess.CONFIG.toString());
        long t = System.nanoTime();
        ReviewItems.write(db, n, "3603");
        System.out.printf(Locale.ROOT, "%,d open items written in %.1f s%n", n, (System.nanoTime() - t) / 1e9);

        db.useForProduct();
        try (var ctx = Contexts.startWithWebServer(PadanProcess.CONFIG.toString(), Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new java.net.CookieManager()).build();
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            post(http, base + "/login", "username=ani&password=rahasia-sekali&_csrf=" + csrf(login));
            List<Double> pages = new ArrayList<>(), decisions = new ArrayList<>();
            // 120 pages: the first 20 pages of the queue, followed by their "next" links, six times over
            String page = "/review";
            for (int i = 0; i < 120; i++) {
                if (i % 20 == 0) page = "/review";
                long s = System.nanoTime();
                String body = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString()).body();
                double ms = (System.nanoTime() - s) / 1e6;
                if (!body.contains("id=\"queue\"")) throw new IllegalStateException("no queue page: " + body.substring(0, Math.min(300, body.length())));
                if (i >= 20) pages.add(ms); // the first 20 warm the JIT and the caches
                Matcher next = Pattern.compile("id=\"berikutnya\" href=\"([^\"]+)\"").matcher(body);
                if (!next.find()) throw new IllegalStateException("no next page after " + page);
                page = next.group(1).replace("&amp;", "&");
            }
            // 120 decisions as a reviewer makes them: the first open item, then each next one the page opens after a decision
            String queue = http.send(HttpRequest.newBuilder(URI.create(base + "/review")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher first = Pattern.compile("class=\"item\" href=\"([^\"]+)\"").matcher(queue);
            if (!first.find()) throw new IllegalStateException("no item on the queue page");
            String item = first.group(1).replace("&amp;", "&");
            for (int i = 0; i < 120; i++) {
                Map<String, String> q = query(item);
                long s = System.nanoTime();
                HttpResponse<String> r = post(http, base + "/review/item", "run=1&source=" + q.get("source") + "&key=" + q.get("key") + "&code=" + q.get("code")
                        + "&keputusan=BENAR&alasan=" + URLEncoder.encode("dicek", StandardCharsets.UTF_8) + "&_csrf=" + csrf(queue));
                double ms = (System.nanoTime() - s) / 1e6;
                if (r.statusCode() != 303) throw new IllegalStateException("decision refused: " + r.statusCode() + " " + r.body());
                if (i >= 20) decisions.add(ms);
                item = r.headers().firstValue("Location").orElseThrow();
            }
            System.out.printf(Locale.ROOT, "queue page of 50 (%,d open items), %d requests: %s%n", n, pages.size(), stats(pages));
            System.out.printf(Locale.ROOT, "decision (checked, stored, next item found), %d requests: %s%n", decisions.size(), stats(decisions));
        }
    }

    /** The parameters of an item's address, decoded. */
    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), URLEncoder.encode(java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no CSRF token in the page");
        return m.group(1);
    }

    private static String stats(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", s.get(s.size() / 2), s.get((int) Math.ceil(s.size() * 0.95) - 1),
                s.get(s.size() - 1));
    }
}
