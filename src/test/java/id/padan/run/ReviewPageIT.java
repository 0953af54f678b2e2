package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The review page in headless Chromium (Debian's chromium and chromium-driver): a reviewer logs in, decides items by
 * keyboard, sees no NIK; an item of another kabupaten is 404 by URL and its rows are invisible to the page's database
 * role; a NIK correction waits for an approver, who cannot approve their own; a reveal is audited; a reviewer decides in
 * bulk and uploads a filled-in decisions file (a line of another kabupaten not found); the next run keeps the decisions
 * made on the page.
 */
class ReviewPageIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final Pattern NIK = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");

    @Test
    void reviewersDecideByKeyboardWithinTheirKabupatenAndApproversApprove() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path tmp = Path.of("target/review-page-it");
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        Path input = tmp.resolve("in");
        new ExtractGenerator(GeneratorOptions.of(4_000, 17).withAsOf(AS_OF).withErrorRate(3.0)).generate(input);
        TestDatabase.Db db = TestDatabase.newDatabase();
        String config = PadanProcess.CONFIG.toString();
        String[] run = {"run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", tmp.resolve("out").toString(), "--config", config, "--force"};
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run1 = Sql.longValue(db, "select run_id from reconciled.current_run");
        String kabA = Sql.text(db, "select kabupaten from padan.review_queue_item where code = 'NIK_CORRECTED' group by kabupaten having count(*) >= 3"
                + " order by kabupaten limit 1");
        String kabB = Sql.text(db, "select kabupaten from padan.review_queue_item where kabupaten not in ('', '" + kabA + "') group by kabupaten"
                + " having count(*) >= 2 order by kabupaten limit 1");
        assertThat(kabA).isNotNull();
        assertThat(kabB).isNotNull();
        Path password = tmp.resolve("password");
        Files.writeString(password, "rahasia-sekali\n");
        for (String[] u : new String[][] {{"ani", "REVIEWER", kabA}, {"budi", "APPROVER", kabA}, {"citra", "REVIEWER", kabB}}) {
            InProcess.Result r = InProcess.padan(db, "review", "user", "add", u[0], "--role", u[1], "--kabupaten", u[2], "--password-file", password.toString(),
                    "--config", config);
            assertThat(r.exit()).as(r.output()).isZero();
        }
        assertThat(Sql.text(db, "select password_hash from padan.review_user where username = 'ani'")).startsWith("{bcrypt}");

        db.useForProduct();
        try (var ctx = Contexts.startWithWebServer(config, Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            String webRole = ctx.getBean(id.padan.web.WebDatabase.class).role();

            // The page's database role sees kabupaten A's items for ani and none of B's.
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
                st.execute("set role \"" + webRole + "\"");
                st.execute("select set_config('padan.user', 'ani', false)");
                assertThat(count(st, "select count(*) from padan.review_queue_item where kabupaten = '" + kabB + "'")).isZero();
                assertThat(count(st, "select count(*) from padan.review_queue_item where kabupaten = '" + kabA + "'")).isPositive();
                st.execute("select set_config('padan.user', '', false)");
                assertThat(count(st, "select count(*) from padan.review_queue_item")).as("no user, no rows").isZero();
                st.execute("reset role");
            }
            String itemOfB = Sql.text(db, "select '/review/item?run=' || run_id || '&source=' || source || '&key=' || record_key || '&code=' || code"
                    + " from padan.review_queue_item where kabupaten = '" + kabB + "' limit 1");

            ChromeDriver browser = Chromium.start();
            try {
                login(browser, base, "ani");
                String queue = browser.getPageSource();
                assertThat(NIK.matcher(queue).find()).as("no 16-digit number on a reviewer's queue").isFalse();
                assertThat(browser.findElements(By.cssSelector("#queue tbody tr"))).isNotEmpty();
                screenshot(browser, tmp, "queue");
                // keyboard: the first (most harmful) item opens with Enter and is decided by its first key
                new Actions(browser).sendKeys(Keys.ENTER).perform();
                waitFor(browser, "sides");
                assertThat(NIK.matcher(browser.getPageSource()).find()).as("no 16-digit number on a reviewer's item").isFalse();
                screenshot(browser, tmp, "item");
                String code = browser.findElement(By.id("code")).getText();
                String key = browser.findElement(By.id("key")).getText();
                String firstKey = browser.findElement(By.cssSelector("button[data-key]")).getDomAttribute("data-key");
                new Actions(browser).sendKeys(firstKey).perform();
                waitUntil(() -> Sql.longValue(db, "select count(*) from padan.review_decision where reviewer = 'ani' and origin = 'page'") == 1);
                assertThat(Sql.text(db, "select code || '/' || record_key from padan.review_decision where reviewer = 'ani'")).isEqualTo(code + "/" + key);

                // an item of kabupaten B by URL: not found
                browser.get(base + itemOfB);
                assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Item tidak ditemukan.");
                assertThat(status(browser, base + itemOfB)).isEqualTo(404);

                // a NIK correction decided by ani waits for an approver
                String undecided = " from padan.review_queue_item q where kabupaten = '" + kabA + "' and code = 'NIK_CORRECTED' and not exists (select 1"
                        + " from padan.review_decision d where d.source = q.source and d.record_key = q.record_key and d.code = q.code) order by source, record_key";
                String nikKey = Sql.text(db, "select record_key" + undecided + " limit 1");
                String nikItem = Sql.text(db, "select '/review/item?run=' || run_id || '&source=' || source || '&key=' || record_key || '&code=' || code"
                        + undecided + " limit 1");
                browser.get(base + nikItem);
                waitFor(browser, "sides");
                new Actions(browser).sendKeys("t").perform();
                waitUntil(() -> Sql.longValue(db, "select count(*) from padan.review_decision where reviewer = 'ani'") == 2);
                long anis = Sql.longValue(db, "select decision_id from padan.review_decision where reviewer = 'ani' and record_key = '" + nikKey
                        + "' and code = 'NIK_CORRECTED'");
                assertThat(Sql.text(db, "select needs_approval::text from padan.review_decision where decision_id = " + anis)).isEqualTo("true");
                assertThat(status(browser, base + "/review/approvals")).as("a reviewer is no approver").isEqualTo(403);
                assertThat(status(browser, base + "/review/item?run=" + run1)).as("a page's own error stays its own (not the Actuator's 401)")
                        .isEqualTo(400);
                browser.get(base + "/review/approvals");
                assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Halaman ini tidak untuk peran Anda.");
                HttpResponse<Void> anonymous = http().send(HttpRequest.newBuilder(URI.create(base + "/review/approvals")).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(anonymous.statusCode()).as("not signed in: to the login page").isEqualTo(302);
                assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
                browser.manage().deleteAllCookies();

                // budi, an approver: his own NIK decision he cannot approve; ani's he can; a reveal is audited
                login(browser, base, "budi");
                String otherNik = Sql.text(db, "select '/review/item?run=' || run_id || '&source=' || source || '&key=' || record_key || '&code=' || code"
                        + undecided + " limit 1");
                {
                    browser.get(base + otherNik);
                    waitFor(browser, "sides");
                    new Actions(browser).sendKeys("t").perform();
                    waitUntil(() -> Sql.longValue(db, "select count(*) from padan.review_decision where reviewer = 'budi'") == 1);
                    long own = Sql.longValue(db, "select decision_id from padan.review_decision where reviewer = 'budi'");
                    browser.get(base + "/review/approvals");
                    browser.findElement(By.id("setuju-" + own)).click();
                    assertThat(browser.findElement(By.id("message")).getText()).contains("a second person must approve it");
                    assertThat(Sql.longValue(db, "select count(*) from padan.review_approval where decision_id = " + own)).isZero();
                }
                browser.get(base + "/review/approvals");
                browser.findElement(By.id("setuju-" + anis)).click();
                waitUntil(() -> Sql.longValue(db, "select count(*) from padan.review_approval where decision_id = " + anis + " and approver = 'budi'") == 1);
                browser.get(base + nikItem);
                waitFor(browser, "sides");
                assertThat(NIK.matcher(browser.getPageSource()).find()).as("masked until revealed").isFalse();
                browser.findElement(By.id("reveal")).click();
                waitFor(browser, "sides");
                assertThat(NIK.matcher(browser.getPageSource()).find()).as("revealed to an approver").isTrue();
                assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where action = 'REVEAL' and actor = 'budi'")).isEqualTo(1);
                browser.manage().deleteAllCookies();

                // citra, reviewer of kabupaten B: a bulk decision on the first two rows of her queue, ticked by keyboard
                login(browser, base, "citra");
                List<WebElement> firstTwo = browser.findElements(By.cssSelector("#queue tbody tr")).subList(0, 2);
                List<String> picked = firstTwo.stream().map(r -> r.findElement(By.cssSelector("input[type=checkbox]")).getDomAttribute("value")).toList();
                new Actions(browser).sendKeys(" ").sendKeys("j").sendKeys(" ").perform();
                assertThat(browser.findElements(By.cssSelector("#queue input[type=checkbox]:checked"))).hasSize(2);
                new Select(browser.findElement(By.id("bulk-keputusan"))).selectByValue("BENAR");
                browser.findElement(By.id("bulk-submit")).click();
                waitFor(browser, "bulk-result");
                screenshot(browser, tmp, "bulk");
                // BENAR answers a finding, not a possible match or a NIK correction: those are refused each with the reason
                long answerable = picked.stream().filter(v -> !v.contains("/REVIEW_POSSIBLE_MATCH/") && !v.contains("/NIK_CORRECTED/")).count();
                assertThat(Sql.longValue(db, "select count(*) from padan.review_decision where reviewer = 'citra' and origin like 'page (bulk):%'"
                        + " and keputusan = 'BENAR' and kabupaten = '" + kabB + "'")).isEqualTo(answerable);
                assertThat(browser.findElements(By.cssSelector("#bulk-result tbody tr"))).hasSize(2);
                assertThat(browser.findElements(By.cssSelector("#bulk-result td.refused"))).hasSize((int) (2 - answerable));

                // citra uploads a filled-in file on the queue page: her kabupaten's line is decided; a line of kabupaten A is
                // not found (row-level security), a word that answers nothing is refused with its reason
                String itemsOf = "select source || ',' || record_key || ',' || code from padan.review_queue_item q where kabupaten = '%s'"
                        + " and code in ('ATTRIBUTE_MISMATCH', 'DUPLICATE_IN_PROGRAM') and not exists (select 1 from padan.review_decision d"
                        + " where d.source = q.source and d.record_key = q.record_key and d.code = q.code) order by source, record_key limit 1";
                String ofB = Sql.text(db, itemsOf.formatted(kabB));
                String ofA = Sql.text(db, itemsOf.formatted(kabA));
                String otherOfB = Sql.text(db, ("select source || ',' || record_key || ',' || code from padan.review_queue_item q where kabupaten = '%s'"
                        + " and source || ',' || record_key || ',' || code <> '%s' and not exists (select 1 from padan.review_decision d"
                        + " where d.source = q.source and d.record_key = q.record_key and d.code = q.code) order by source, record_key limit 1").formatted(kabB, ofB));
                assertThat(ofB).isNotNull();
                assertThat(ofA).isNotNull();
                assertThat(otherOfB).isNotNull();
                Path filled = tmp.resolve("keputusan-citra.csv").toAbsolutePath();
                Files.writeString(filled, "program,kunci_baris,kode_temuan,keputusan,alasan\r\n" + ofB + ",PINDAH,pindah ke desa lain\r\n"
                        + ofA + ",BENAR,\r\n" + otherOfB + ",MUNGKIN,\r\n", java.nio.charset.StandardCharsets.UTF_8);
                browser.get(base + "/review");
                waitFor(browser, "queue");
                browser.findElement(By.id("berkas")).sendKeys(filled.toString());
                browser.findElement(By.id("upload-submit")).click();
                waitFor(browser, "upload-summary");
                screenshot(browser, tmp, "upload");
                assertThat(browser.findElement(By.id("upload-summary")).getText()).startsWith("3 baris: 1 dicatat").contains("2 ditolak");
                List<WebElement> refusedLines = browser.findElements(By.cssSelector("#upload-result tbody tr"));
                assertThat(refusedLines).hasSize(2);
                assertThat(refusedLines.get(0).getText()).isEqualTo("3 item tidak ditemukan");
                assertThat(refusedLines.get(1).getText()).startsWith("4 ").contains("MUNGKIN");
                assertThat(Sql.text(db, "select source || ',' || record_key || ',' || code || ' ' || keputusan || ' ' || kabupaten from padan.review_decision"
                        + " where reviewer = 'citra' and origin like 'page (upload keputusan-citra.csv)%'")).isEqualTo(ofB + " PINDAH " + kabB);
                assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where actor = 'citra' and action = 'IMPORT'")).isEqualTo(1);
            } finally {
                browser.quit();
            }
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where action in ('DECIDE', 'APPROVE')"))
                .isEqualTo(Sql.longValue(db, "select count(*) from padan.review_decision") + Sql.longValue(db, "select count(*) from padan.review_approval"));

        // The next run keeps what was decided on the page.
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run2 = Sql.longValue(db, "select run_id from reconciled.current_run");
        assertThat(run2).isGreaterThan(run1);
        assertThat(Sql.longValue(db, "select count(*) from padan.review_effect e join padan.review_decision d using (decision_id) where e.run_id = " + run2
                + " and d.reviewer = 'ani' and e.state = 'HELD'")).as("ani's decisions, the NIK one approved").isEqualTo(2);
        assertThat(Sql.longValue(db, "select count(*) from padan.review_effect e join padan.review_decision d using (decision_id) where e.run_id = " + run2
                + " and d.reviewer = 'citra' and e.state = 'HELD'")).as("citra's bulk decisions")
                .isEqualTo(Sql.longValue(db, "select count(*) from padan.review_decision where reviewer = 'citra'"));

        // After the run, ani reads what her decisions changed.
        try (var ctx = Contexts.startWithWebServer(config, Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            ChromeDriver browser = Chromium.start();
            try {
                login(browser, base, "ani");
                browser.findElement(By.id("hasil")).click();
                waitFor(browser, "changes");
                screenshot(browser, tmp, "changes");
                List<WebElement> rows = browser.findElements(By.cssSelector("#changes tbody tr"));
                assertThat(rows).as("ani's two decisions, not budi's or citra's").hasSize(2);
                assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td.state")).getText()).isEqualTo("HELD"));
                assertThat(browser.findElement(By.id("changes")).getText()).contains("NIK usulan padan diterima");
                assertThat(NIK.matcher(browser.getPageSource()).find()).isFalse();
                browser.findElement(By.linkText("Semua keputusan di wilayah Anda")).click();
                waitFor(browser, "changes");
                assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).as("ani's and budi's, in kabupaten A; citra's are B's")
                        .hasSize((int) Sql.longValue(db, "select count(*) from padan.review_decision where kabupaten = '" + kabA + "'"));
            } finally {
                browser.quit();
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void login(ChromeDriver browser, String base, String user) {
        browser.get(base + "/review");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("rahasia-sekali");
        browser.findElement(By.id("masuk")).click();
        waitFor(browser, "queue");
    }

    private static void waitFor(ChromeDriver browser, String id) {
        browser.findElement(By.id(id)); // the implicit wait polls for it
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) Thread.sleep(100);
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** What the reviewer saw, kept under target/ for a person to look at. */
    private static void screenshot(ChromeDriver browser, Path tmp, String name) throws Exception {
        Files.write(tmp.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The HTTP status of a GET with the browser's session. */
    private static int status(ChromeDriver browser, String url) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<Void> r = http().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }
}
