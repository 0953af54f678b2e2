package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFReader;
import id.padan.TestDatabase;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.LoggerFactory;

/**
 * The review page's login against the operator's LDAP directory, configured by properties only: an in-memory directory
 * (UnboundID, on a free loopback port, loaded from {@code ldap-directory.ldif}; searching it needs the search account's
 * bind, as an office directory does), the login form filled in headless Chromium. A directory user padan knows signs in
 * with the directory's password and reads only her kabupaten's queue; a wrong directory password is refused; a
 * directory user padan does not know is refused with the reason on the login page; padan's own password account still
 * signs in, also while the directory is down, when a directory user is told the directory cannot be reached (and the
 * log names no one). Without the properties the directory is never asked.
 */
class LdapLoginIT {
    private static final String BASE_DN = "dc=kantor,dc=go,dc=id";
    private static final String WRONG = "Nama pengguna atau kata sandi salah.";

    @Test
    void aDirectoryUserPadanKnowsSignsInAndTheDirectoryDoesNotMakeUsers() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path tmp = Files.createDirectories(Path.of("target/ldap-login-it"));
        String config = PadanProcess.CONFIG.toString();
        // padan's users: sari, a reviewer of 3603 without a padan password (the directory proves her password), and admin
        // with a padan password (the break-glass account); tono is in the directory only
        Path password = tmp.resolve("password");
        Files.writeString(password, "sandi-padan-admin\n");
        for (String[] add : new String[][] {{"sari", "--role", "REVIEWER", "--kabupaten", "3603", "--no-password"},
                {"admin", "--role", "ADMIN", "--password-file", password.toString()}}) {
            List<String> args = new java.util.ArrayList<>(List.of("review", "user", "add"));
            args.addAll(List.of(add));
            args.addAll(List.of("--config", config));
            InProcess.Result r = InProcess.padan(db, args.toArray(String[]::new));
            assertThat(r.exit()).as(r.output()).isZero();
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.review_user where username = 'sari' and password_hash is null")).isEqualTo(1);
        ReviewItems.write(db, 6, "3603", "3604"); // KPM1, KPM3, KPM5 in 3603; KPM2, KPM4, KPM6 in 3604
        db.useForProduct();

        List<String> binds = new CopyOnWriteArrayList<>();
        InMemoryDirectoryServer directory = directory(binds);
        String url = "ldap://127.0.0.1:" + directory.getListenPort() + "/" + BASE_DN;
        Map<String, Object> web = Map.of("server.port", 0, "server.address", "127.0.0.1");
        ChromeDriver browser = Chromium.start();
        try {
            // without the properties: the directory is never asked, its password signs no one in, padan's password does
            try (var ctx = Contexts.startWithWebServer(config, web)) {
                String base = base(ctx);
                browser.get(base + "/login");
                assertThat(browser.getPageSource()).doesNotContain("id=\"ldap\"");
                assertThat(signIn(browser, base, "sari", "sandi-direktori-sari")).isEqualTo(WRONG);
                assertThat(signIn(browser, base, "admin", "sandi-padan-admin")).isNull();
                assertThat(binds).as("no LDAP without its properties").isEmpty();
            }

            Map<String, Object> ldap = new HashMap<>(web);
            ldap.putAll(Map.of("padan.web.ldap.url", url, "padan.web.ldap.user-search-base", "ou=people", "padan.web.ldap.user-search-filter", "(uid={0})",
                    "padan.web.ldap.manager-dn", "cn=padan-search,ou=services," + BASE_DN, "padan.web.ldap.manager-password", "sandi-pencarian"));
            try (var ctx = Contexts.startWithWebServer(config, ldap)) {
                String base = base(ctx);
                ListAppender<ILoggingEvent> log = listen(); // after the start, which sets logging up anew
                browser.get(base + "/login");
                assertThat(browser.findElement(By.id("ldap")).getText()).contains("direktori");

                // sari signs in with the directory's password and reads her kabupaten's items only
                assertThat(signIn(browser, base, "sari", "sandi-direktori-sari")).isNull();
                assertThat(binds).contains("uid=sari,ou=people," + BASE_DN);
                assertThat(browser.findElement(By.tagName("header")).getText()).contains("sari").contains("REVIEWER");
                assertThat(browser.findElement(By.id("open")).getText()).isEqualTo("3");
                assertThat(browser.findElements(By.cssSelector("#queue tbody tr td:nth-last-child(4)")).stream().map(WebElement::getText))
                        .containsExactlyInAnyOrder("KPM1", "KPM3", "KPM5");

                // a wrong directory password, for a user padan knows and for one it does not: the same refusal
                assertThat(signIn(browser, base, "sari", "sandi-salah-sekali")).isEqualTo(WRONG);
                assertThat(signIn(browser, base, "tono", "sandi-salah-sekali")).isEqualTo(WRONG);
                // tono's own directory password: the directory knows him, padan does not, and the page says so
                assertThat(signIn(browser, base, "tono", "sandi-direktori-tono")).contains("belum terdaftar sebagai pengguna");
                assertThat(binds).contains("uid=tono,ou=people," + BASE_DN);
                assertThat(status(browser, base + "/review")).as("tono stays signed out").isEqualTo(302);
                // padan's own password still signs in with the directory configured
                assertThat(signIn(browser, base, "admin", "sandi-padan-admin")).isNull();

                // the directory goes down: a directory user is told so, padan's own account still signs in, the log names no one
                directory.shutDown(true);
                String down = signIn(browser, base, "sari", "sandi-direktori-sari");
                assertThat(down).contains("tidak dapat dihubungi").contains("kata sandi padan tetap dapat masuk");
                assertThat(signIn(browser, base, "admin", "sandi-padan-admin")).isNull();
                assertThat(log.list).anySatisfy(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage()).contains(url);
                });
                assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("sari").doesNotContain("sandi"));
            }
        } finally {
            browser.quit();
            directory.shutDown(true);
        }
    }

    /** The office directory, recording the DN of every bind but the search account's. */
    private static InMemoryDirectoryServer directory(List<String> binds) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH, OperationType.COMPARE);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                String dn = request.getRequest().getBindDN();
                if (!dn.contains("ou=services")) binds.add(dn);
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (var ldif = new LDIFReader(LdapLoginIT.class.getResourceAsStream("ldap-directory.ldif"))) {
            server.importFromLDIF(true, ldif);
        }
        server.startListening();
        return server;
    }

    /**
     * Signs in on a fresh session through the login form (CSRF token and all, as a person does); returns null when the
     * queue opens, else the reason the login page gives.
     */
    private static String signIn(ChromeDriver browser, String base, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/review");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("masuk")).click();
        WebElement landed = browser.findElement(By.cssSelector("#queue, #refused")); // the implicit wait polls for either
        return landed.getDomAttribute("id").equals("queue") ? null : landed.getText();
    }

    private static int status(ChromeDriver browser, String url) throws Exception {
        var session = browser.manage().getCookieNamed("JSESSIONID");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        if (session != null) request.header("Cookie", "JSESSIONID=" + session.getValue());
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("id.padan.web.LdapUsers")).addAppender(appender);
        return appender;
    }

    private static String base(org.springframework.context.ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    }
}
