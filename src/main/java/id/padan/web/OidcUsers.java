package id.padan.web;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in by the operator's OpenID Connect provider, as the review page knows them: the provider's ID token
 * (checked by Spring Security: signature, issuer, audience, expiry, nonce) proves who they are; the claim
 * {@code usernameClaim} must name a user of {@code padan.review_user}, whose role is the one authority, and whose
 * kabupaten and programs the page's row-level security applies as for a password login. Anyone the users table does
 * not hold is refused: the provider does not make reviewers, the operator does ({@code padan review user add}).
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
    /** The error code of a sign-in the provider vouched for but padan's users table does not hold. */
    static final String NOT_A_USER = "padan_user";
    private final OidcUserService provider = new OidcUserService();
    private final JdbcTemplate jdbc;
    private final String usernameClaim;

    OidcUsers(DataSource dataSource, String usernameClaim) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        Object claim = signedIn.getClaims().get(usernameClaim);
        if (!(claim instanceof String username) || username.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("padan_claim", "the provider's token has no " + usernameClaim, null));
        }
        List<String> roles = jdbc.queryForList("select role from padan.review_user where username = ?", String.class, username);
        if (roles.isEmpty()) throw new OAuth2AuthenticationException(new OAuth2Error(NOT_A_USER, "not a user of the review page", null));
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + roles.get(0))), signedIn.getIdToken(), signedIn.getUserInfo(),
                usernameClaim);
    }
}
