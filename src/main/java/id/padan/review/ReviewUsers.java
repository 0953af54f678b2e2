package id.padan.review;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The review page's users: added or changed by an operator ({@code padan review user add}), passwords stored hashed (bcrypt). */
@Component
public class ReviewUsers {
    public static final List<String> ROLES = List.of("REVIEWER", "APPROVER", "NATIONAL_VIEWER", "ADMIN");
    private static final PasswordEncoder HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final JdbcTemplate jdbc;

    public ReviewUsers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Adds the user or replaces their password, role and scope; the change is audited. A null password: the user has
     * no padan password and signs in only through the operator's LDAP directory or OpenID Connect provider.
     */
    public void put(String username, String password, String role, List<String> kabupaten, List<String> programs, String by) {
        String r = role.toUpperCase(Locale.ROOT);
        if (!ROLES.contains(r)) throw new IllegalArgumentException("role '" + role + "' is not one of " + String.join(", ", ROLES));
        if (password != null && password.length() < 8) throw new IllegalArgumentException("a password needs at least 8 characters");
        for (String k : kabupaten) {
            if (!k.matches("\\d{4}")) throw new IllegalArgumentException("kabupaten '" + k + "': a 4-digit kabupaten/kota code is needed");
        }
        if (kabupaten.isEmpty() && (r.equals("REVIEWER") || r.equals("APPROVER"))) {
            throw new IllegalArgumentException("a " + r.toLowerCase(Locale.ROOT) + " needs --kabupaten (the kabupaten/kota they review)");
        }
        jdbc.update("""
                insert into padan.review_user (username, password_hash, role, kabupaten, programs) values (?, ?, ?, ?::text[], ?::text[])
                on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role, kabupaten = excluded.kabupaten,
                    programs = excluded.programs""", username, password == null ? null : HASH.encode(password), r, array(kabupaten), array(programs));
        jdbc.update("insert into padan.review_audit (actor, action, subject, detail) values (?, 'USER', ?, ?)", by, "user " + username,
                "set role " + r + ", kabupaten " + kabupaten + ", programs " + programs + (password == null ? ", no padan password" : ""));
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\"", "") + "\"").toList()) + "}";
    }

    public static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
