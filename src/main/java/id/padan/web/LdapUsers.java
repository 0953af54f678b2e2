package id.padan.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * A user signed in by the operator's LDAP directory, as the review page knows them. The directory proves the password
 * (Spring Security's bind authentication: the user's DN from {@link LdapLogin#userDnPattern()}, or found by
 * {@link LdapLogin#userSearchFilter()}, bound with the password typed); padan's users table still says who they are
 * here: the name typed must be a user of {@code padan.review_user}, whose role is the one authority and whose kabupaten
 * and programs the page's row-level security applies as for a password login. Anyone the users table does not hold is
 * refused ({@link NotAPadanUser}): the directory does not make reviewers, the operator does ({@code padan review user add}).
 *
 * <p>A directory that cannot be reached or refuses the search is {@link DirectoryUnavailable}: the login page says so,
 * and the log names the directory and the cause, never the name typed. This provider comes after padan's own password
 * check, so the accounts with a padan password still sign in while the directory is down.
 */
final class LdapUsers implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(LdapUsers.class);
    private final LdapAuthenticationProvider directory;
    private final String url;

    LdapUsers(LdapLogin settings, DataSource dataSource) {
        this.url = settings.url();
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(settings.url());
        if (!LdapLogin.blank(settings.managerDn())) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword());
        }
        String millis = Long.toString(settings.timeout().toMillis());
        source.setBaseEnvironmentProperties(Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis));
        source.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(source);
        if (!LdapLogin.blank(settings.userDnPattern())) bind.setUserDnPatterns(new String[] {settings.userDnPattern()});
        if (!LdapLogin.blank(settings.userSearchFilter())) {
            bind.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase() == null ? "" : settings.userSearchBase(),
                    settings.userSearchFilter(), source));
        }
        directory = new LdapAuthenticationProvider(bind);
        directory.setUserDetailsContextMapper(new PadanUsers(new JdbcTemplate(dataSource)));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return directory.authenticate(authentication);
        } catch (AuthenticationServiceException | org.springframework.ldap.NamingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            // the directory and the cause only: the name typed is personal data and stays out of the log
            LOG.warn("LDAP directory {} could not be used to sign in: {}", url, root.getClass().getSimpleName()
                    + (root instanceof javax.naming.NamingException ? "" : ": " + root.getMessage()));
            throw new DirectoryUnavailable(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The directory vouched for the password, but padan's users table does not hold the name. An account status (as a
     * locked account is), so that no other check tried after this one (the management users) hides it.
     */
    static final class NotAPadanUser extends AccountStatusException {
        NotAPadanUser() {
            super("not a user of the review page");
        }
    }

    /** The directory could not be reached, or refused the search for the user. */
    static final class DirectoryUnavailable extends InternalAuthenticationServiceException {
        DirectoryUnavailable(Throwable cause) {
            super("the LDAP directory could not be used", cause);
        }
    }

    /** After a successful bind: the user as padan's users table has them, or refused. */
    private record PadanUsers(JdbcTemplate jdbc) implements UserDetailsContextMapper {
        @Override
        public UserDetails mapUserFromContext(DirContextOperations entry, String username, Collection<? extends GrantedAuthority> ignored) {
            List<String> roles = jdbc.queryForList("select role from padan.review_user where username = ?", String.class, username);
            if (roles.isEmpty()) throw new NotAPadanUser();
            return User.withUsername(username).password("").authorities(new SimpleGrantedAuthority("ROLE_" + roles.get(0))).build();
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
            throw new UnsupportedOperationException("padan writes nothing to the directory");
        }
    }
}
