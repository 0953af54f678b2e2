package id.padan.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's LDAP directory for the review page's login ({@code padan.web.ldap.*}, from the environment as
 * {@code PADAN_WEB_LDAP_URL} etc.); off while {@code url} is empty. The directory proves the password (a bind as the
 * user); padan's users table still says who the user is here ({@link LdapUsers}).
 *
 * @param url the directory and the base every DN below is relative to, e.g. {@code ldaps://dir.kantor.go.id:636/dc=kantor,dc=go,dc=id}
 * @param userDnPattern the user's DN below the base, {@code {0}} the name typed on the login page, e.g. {@code uid={0},ou=people}
 * @param userSearchBase where to search for the user when there is no pattern, below the base (empty: the base itself), e.g. {@code ou=people}
 * @param userSearchFilter the search's filter, {@code {0}} the name typed, e.g. {@code (uid={0})} or {@code (sAMAccountName={0})}
 * @param managerDn who searches (a full DN); empty: the search binds anonymously
 * @param managerPassword the manager's password
 * @param timeout how long to wait for the directory to connect and to answer
 */
@ConfigurationProperties("padan.web.ldap")
public record LdapLogin(String url, String userDnPattern, String userSearchBase, String userSearchFilter, String managerDn, String managerPassword,
                        @DefaultValue("5s") Duration timeout) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** Why these settings cannot be used (so padan does not start with them), or null. */
    String problem() {
        if (!configured()) return null;
        if (!url.startsWith("ldap://") && !url.startsWith("ldaps://")) return "padan.web.ldap.url must start with ldap:// or ldaps:// (" + url + ")";
        if (blank(userDnPattern) && blank(userSearchFilter)) {
            return "padan.web.ldap.url is set but neither padan.web.ldap.user-dn-pattern nor padan.web.ldap.user-search-filter: padan cannot tell"
                    + " which directory entry a name typed on the login page is";
        }
        if (!blank(managerDn) && blank(managerPassword)) return "padan.web.ldap.manager-dn is set without padan.web.ldap.manager-password";
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
