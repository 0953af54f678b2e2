package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.padan.TestDatabase;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The review page's login through an OpenID Connect provider configured by properties only: a provider played by this
 * test on a local port (padan reads its discovery document at start; its token endpoint issues an ID token signed with a
 * key its JWKS endpoint publishes; the browser's trip to its authorization endpoint is made by hand), so no external
 * server is needed. A user padan knows signs in and reads the queue, and signing out sends her to the provider's
 * end_session_endpoint (a password login's sign-out does not); a user the provider vouches for but padan's users table
 * does not hold is refused with the reason on the login page; a token signed with another key is refused. Without the
 * properties the login page offers no provider.
 */
class OidcLoginIT {
    private static final String CLIENT = "padan-review";

    @Test
    void aUserOfPadanSignsInThroughTheProviderAndAStrangerIsRefused() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path tmp = Files.createDirectories(Path.of("target/oidc-login-it"));
        Path password = tmp.resolve("password");
        Files.writeString(password, "rahasia-sekali\n");
        String config = PadanProcess.CONFIG.toString();
        InProcess.Result added = InProcess.padan(db, "review", "user", "add", "ani", "--role", "REVIEWER", "--kabupaten", "3603", "--password-file",
                password.toString(), "--config", config);
        assertThat(added.exit()).as(added.output()).isZero();
        db.useForProduct();

        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicReference<Map<String, Object>> next = new AtomicReference<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        AtomicReference<String> issued = new AtomicReference<>();
        // the discovery document padan reads at start (issuer-uri), naming the provider's end_session_endpoint
        provider.createContext("/.well-known/openid-configuration", ex -> respond(ex, "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\",\"end_session_endpoint\":\"" + issuer
                + "/logout\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        provider.createContext("/jwks", ex -> respond(ex, new JWKSet(key.toPublicJWK()).toString()));
        provider.createContext("/token", ex -> {
            Map<String, Object> claims = next.get();
            Instant now = Instant.now();
            JWTClaimsSet.Builder token = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-" + claims.get("user")).audience(CLIENT)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", claims.get("nonce"))
                    .claim("preferred_username", claims.get("user"));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), token.build());
            try {
                jwt.sign(new RSASSASigner((RSAKey) claims.get("key")));
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
            issued.set(jwt.serialize());
            respond(ex, "{\"access_token\":\"at-" + claims.get("user") + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile\","
                    + "\"id_token\":\"" + jwt.serialize() + "\"}");
        });
        provider.start();
        Map<String, Object> settings = new HashMap<>(Map.of("server.port", 0, "server.address", "127.0.0.1"));
        String reg = "spring.security.oauth2.client.registration.kantor.", prov = "spring.security.oauth2.client.provider.kantor.";
        settings.putAll(Map.of(reg + "client-id", CLIENT, reg + "client-secret", "rahasia-klien", reg + "client-name", "Kantor Dinas",
                reg + "authorization-grant-type", "authorization_code", reg + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
                reg + "scope", "openid,profile", prov + "issuer-uri", issuer, prov + "user-name-attribute", "preferred_username"));
        try (var ctx = Contexts.startWithWebServer(config, settings)) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            HttpClient ani = client();
            String login = get(ani, base + "/login").body();
            assertThat(login).contains("href=\"/oauth2/authorization/kantor\"").contains("Masuk dengan Kantor Dinas");

            // ani, a reviewer padan knows, signs in through the provider and reads her queue
            HttpResponse<String> done = signIn(ani, base, "ani", key, next);
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/review");
            HttpResponse<String> queue = get(ani, base + "/review");
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(queue.body()).contains("ani");

            // signing out of padan sends her on to the provider's end_session_endpoint with her ID token and the way back
            HttpResponse<String> out = post(ani, base + "/logout", "_csrf=" + csrf(queue.body()));
            assertThat(out.statusCode()).isEqualTo(302);
            URI endSession = URI.create(out.headers().firstValue("Location").orElseThrow());
            assertThat(endSession.getScheme() + "://" + endSession.getAuthority() + endSession.getPath()).isEqualTo(issuer + "/logout");
            assertThat(query(endSession.getRawQuery())).containsEntry("id_token_hint", issued.get())
                    .containsEntry("post_logout_redirect_uri", base + "/login?keluar");
            assertThat(get(ani, base + "/review").statusCode()).as("padan's session ended").isEqualTo(302);

            // a password login signs out of padan only: back to the login page, the provider not involved
            HttpClient withPassword = client();
            String form = get(withPassword, base + "/login").body();
            HttpResponse<String> signedIn = post(withPassword, base + "/login", "username=ani&password=rahasia-sekali&_csrf=" + csrf(form));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/review");
            HttpResponse<String> left = post(withPassword, base + "/logout", "_csrf=" + csrf(get(withPassword, base + "/review").body()));
            assertThat(left.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/login?keluar");

            // dodi, whom the provider vouches for but padan's users table does not hold, is refused and stays signed out
            HttpClient dodi = client();
            HttpResponse<String> refused = signIn(dodi, base, "dodi", key, next);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=bukan-pengguna");
            assertThat(get(dodi, base + "/login?error=bukan-pengguna").body()).contains("belum terdaftar sebagai pengguna");
            assertThat(get(dodi, base + "/review").statusCode()).isEqualTo(302);

            // an ID token signed with a key the provider does not publish is refused, for a user padan knows too
            HttpClient forged = client();
            HttpResponse<String> bad = signIn(forged, base, "ani", otherKey, next);
            assertThat(bad.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            assertThat(get(forged, base + "/review").statusCode()).isEqualTo(302);
        } finally {
            provider.stop(0);
        }

        // without the properties, the login page offers no provider and its addresses sign no one in
        try (var ctx = Contexts.startWithWebServer(config, Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            HttpClient http = client();
            assertThat(get(http, base + "/login").body()).doesNotContain("oauth2");
            HttpResponse<String> r = get(http, base + "/oauth2/authorization/kantor");
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    /**
     * The browser's part of the authorization code flow: padan sends it to the provider's authorization endpoint (read
     * here, not visited), the provider sends it back with a code; padan then asks the token endpoint, whose ID token
     * carries the nonce padan sent and names {@code user}, signed with {@code signer}. Returns padan's answer to the return.
     */
    private static HttpResponse<String> signIn(HttpClient http, String base, String user, RSAKey signer, AtomicReference<Map<String, Object>> next)
            throws Exception {
        HttpResponse<String> toProvider = get(http, base + "/oauth2/authorization/kantor");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        Map<String, String> q = query(authorize.getRawQuery());
        assertThat(authorize.getPath()).isEqualTo("/authorize");
        assertThat(q).containsEntry("client_id", CLIENT).containsEntry("response_type", "code").containsKeys("state", "nonce", "redirect_uri");
        assertThat(q.get("scope")).contains("openid");
        next.set(Map.of("user", user, "nonce", q.get("nonce"), "key", signer));
        String back = q.get("redirect_uri") + "?code=code-" + user + "&state=" + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        return get(http, back);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

        private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void respond(HttpExchange ex, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
