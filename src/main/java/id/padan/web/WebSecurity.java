package id.padan.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may use the review page: a form login of the users of {@code padan.review_user} (passwords hashed, bcrypt), each
 * with one role; every page but the login and the assets needs one of the review roles. This chain covers the page's
 * paths only (and the error dispatch of their requests) and comes first; every other request (the Actuator endpoints
 * and their errors) goes to the management chain (ManagementSecurityConfiguration), unchanged. A signed-in user
 * without the role a page needs gets 403 written by this chain; someone not signed in is sent to the login page. The page's users and password checking are this
 * chain's own (not beans), so they never mix with the operator's management credentials.
 *
 * <p>Where the operator configures an OpenID Connect provider (Spring Boot's {@code spring.security.oauth2.client.*}
 * properties; none by default), the login page also offers it: the provider proves who signs in, and padan's own
 * users table still says who they are here ({@link OidcUsers}): the claim {@code padan.web.oidc.username-claim}
 * ({@code preferred_username} by default) names a user of {@code padan.review_user}, whose role and kabupaten apply;
 * anyone else is refused. Signing out of padan after such a login also signs out at the provider where its discovery
 * document names an {@code end_session_endpoint}.
 *
 * <p>Where the operator configures an LDAP directory ({@code padan.web.ldap.*}, {@link LdapLogin}; none by default), the
 * login form's name and password are checked by padan's own password first and then by a bind to the directory
 * ({@link LdapUsers}): a user with a padan password (the local admin, a break-glass account) signs in whether the
 * directory answers or not; a directory user must still be a user of {@code padan.review_user}. A refused login comes
 * back to the login page with its reason ({@link #loginRefused}): the name or password wrong, a name the directory or
 * provider knows but padan does not, or a directory that cannot be used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LdapLogin.class)
public class WebSecurity {
    static final String FORBIDDEN = "Halaman ini tidak untuk peran Anda.";
    private static final Pages PAGES = new Pages();
    private static final RequestMatcher PAGE_PATHS = new OrRequestMatcher(java.util.Arrays.stream(
                    new String[] {"/", "/login", "/logout", "/review", "/review/**", "/assets/**", "/oauth2/**", "/login/oauth2/**"})
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());

    /** The error dispatch ({@code /error}) of a request for one of the page's paths. */
    static boolean pageError(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) return false;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path)) return false;
        String context = request.getContextPath();
        String within = path.startsWith(context) ? path.substring(context.length()) : path;
        return within.equals("/") || within.equals("/login") || within.equals("/logout") || within.equals("/review")
                || within.startsWith("/review/") || within.startsWith("/assets/") || within.startsWith("/oauth2/") || within.startsWith("/login/oauth2/");
    }

    @Bean
    @Order(1)
    SecurityFilterChain reviewSecurity(HttpSecurity http, DataSource dataSource, ObjectProvider<ClientRegistrationRepository> oidc,
                                       @Value("${padan.web.oidc.username-claim:preferred_username}") String usernameClaim, LdapLogin ldap) throws Exception {
        if (ldap.problem() != null) throw new IllegalStateException(ldap.problem());
        DaoAuthenticationProvider users = new DaoAuthenticationProvider(reviewUsers(dataSource));
        users.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        // padan's own passwords first, then the directory: the local accounts do not depend on the directory answering
        http.authenticationProvider(users);
        if (ldap.configured()) http.authenticationProvider(new LdapUsers(ldap, dataSource));
        // the page's paths only, and the error dispatch of a page's request; everything else (the Actuator endpoints and
        // their errors) is the management chain's, which comes after and is left as it is
        http.securityMatcher(new OrRequestMatcher(PAGE_PATHS, WebSecurity::pageError))
                .authorizeHttpRequests(a -> a
                        // a page's request already passed this chain; its error page (400, 404, 405...) is shown as it is
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/assets/**", "/login").permitAll()
                        .requestMatchers("/review/approvals/**", "/review/approvals").hasAnyRole("APPROVER", "ADMIN")
                        .anyRequest().hasAnyRole("REVIEWER", "APPROVER", "NATIONAL_VIEWER", "ADMIN"))
                // a user without the role a page needs gets 403 with the page's own words, written here rather than by an
                // error dispatch (the page's users are not the management chain's, which would answer 401)
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/html;charset=UTF-8");
                    response.setHeader("Cache-Control", "no-store");
                    response.getWriter().write(PAGES.render("message", java.util.Map.of("text", FORBIDDEN)));
                }))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/review", true).failureHandler(WebSecurity::loginRefused).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?keluar"));
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/review", true).failureHandler(WebSecurity::loginRefused)
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcUsers(dataSource, usernameClaim))));
            // signing out of padan also signs out at the provider where it publishes an end_session_endpoint (RP-initiated
            // logout: id_token_hint and post_logout_redirect_uri back to padan's login page); a password or directory
            // login, or a provider without the endpoint, comes back to the login page at once
            OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            atProvider.setPostLogoutRedirectUri("{baseUrl}/login?keluar");
            atProvider.setDefaultTargetUrl("/login?keluar");
            http.logout(l -> l.logoutSuccessHandler(atProvider));
        }
        return http.build();
    }

    /**
     * Back to the login page with why: {@code ?error} (the name or the password wrong), {@code ?error=bukan-pengguna} (the
     * directory or the provider knows them, padan's users table does not), {@code ?error=direktori} (the LDAP directory
     * could not be used).
     */
    static void loginRefused(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws java.io.IOException {
        String why = "";
        if (refused instanceof LdapUsers.NotAPadanUser
                || refused instanceof OAuth2AuthenticationException o && OidcUsers.NOT_A_USER.equals(o.getError().getErrorCode())) {
            why = "=bukan-pengguna";
        } else if (refused instanceof LdapUsers.DirectoryUnavailable) {
            why = "=direktori";
        }
        response.sendRedirect(request.getContextPath() + "/login?error" + why);
    }

    /**
     * The review page's users who have a padan password, with their role as the one authority {@code ROLE_<role>}. A user
     * added without one ({@code --no-password}) signs in only through the directory or the OpenID Connect provider.
     */
    static UserDetailsService reviewUsers(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return username -> jdbc.query("select username, password_hash, role from padan.review_user where username = ? and password_hash is not null",
                rs -> {
                    if (!rs.next()) throw new UsernameNotFoundException("no such user");
                    return User.withUsername(rs.getString(1)).password(rs.getString(2))
                            .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3))).build();
                }, username);
    }
}
