package id.padan.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The review page's own database connections, as a role that owns no table and cannot bypass row-level security, so
 * that what a reviewer reads is limited by the database as well as by the page. The role is the operator's
 * ({@code PADAN_WEB_DB_USER} / {@code PADAN_WEB_DB_PASSWORD}, created by the DBA: {@code create role padan_web login
 * password '...'}); where none is configured and padan's login may create roles (the embedded database), padan creates
 * {@code padan_web_<database>} with a random password at each start. Either way padan grants it what the page reads,
 * and refuses to start when the role is a superuser, may bypass row-level security or owns padan's tables.
 */
@Component
@ConditionalOnWebApplication
public class WebDatabase implements DisposableBean {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebDatabase.class);
    private final HikariDataSource pool;
    private final String role;
    private final String problem;

    /**
     * Sets up the page's role; when that is impossible (no role configured and none may be created, or an unfit one), the
     * page answers 503 with the reason and {@code padan serve} refuses to start, while the daemon runs on.
     */
    public WebDatabase(DataSource owner, Environment env) {
        HikariDataSource p = null;
        String r = null, why = null;
        try {
            String[] got = setUp(owner, env);
            r = got[0];
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(got[2]);
            cfg.setUsername(got[0]);
            cfg.setPassword(got[1]);
            cfg.setMaximumPoolSize(4);
            cfg.setPoolName("padan-web");
            p = new HikariDataSource(cfg);
            log.info("review page reads as database role {} (row-level security applies)", r);
        } catch (RuntimeException | SQLException e) {
            why = e.getMessage();
            log.warn("review page unavailable: {}", why);
        }
        pool = p;
        role = r;
        problem = why;
    }

    /** Null when the page can read the database, else why it cannot. */
    public String problem() {
        return problem;
    }

    /** The role's name, its password and the database URL. */
    private static String[] setUp(DataSource owner, Environment env) throws SQLException {
        String user = env.getProperty("padan.web.db.user", "");
        String password = env.getProperty("padan.web.db.password", "");
        String url;
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            url = c.getMetaData().getURL();
            if (user.isBlank()) {
                String db;
                try (ResultSet rs = st.executeQuery("select current_database()")) {
                    rs.next();
                    db = rs.getString(1);
                }
                user = "padan_web_" + db.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                password = HexFormat.of().formatHex(secret);
                String quoted = "\"" + user + "\"";
                try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                    ps.setString(1, user);
                    boolean exists;
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                    st.execute((exists ? "alter role " : "create role ") + quoted + " login nosuperuser nobypassrls password '" + password + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException("the review page needs a database role of its own: set PADAN_WEB_DB_USER and PADAN_WEB_DB_PASSWORD "
                            + "(a login role created by the DBA; padan's login may not create one: " + e.getMessage() + ")", e);
                }
            }
            check(c, user);
            String quoted = "\"" + user.replace("\"", "\"\"") + "\"";
            st.execute("grant usage on schema padan to " + quoted);
            st.execute("grant select on padan.review_queue_item, padan.review_queue_count, padan.review_decision, padan.review_effect, padan.review_approval to " + quoted);
        }
        return new String[] {user, password, url};
    }

    private static void check(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.rolsuper, r.rolbypassrls, exists (select 1 from pg_tables t where t.schemaname = 'padan' and t.tableowner = r.rolname)
                from pg_roles r where r.rolname = ?""")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("PADAN_WEB_DB_USER " + user + ": no such database role");
                if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
                    throw new IllegalStateException("PADAN_WEB_DB_USER " + user + " is a superuser, may bypass row-level security or owns padan's tables: "
                            + "the review page needs a role row-level security applies to");
                }
            }
        }
    }

    /** The role's name. */
    public String role() {
        return role;
    }

    /** A connection as the page's role, in a transaction whose current user (for row-level security) is {@code username}. */
    public Connection as(String username) throws SQLException {
        if (pool == null) throw new IllegalStateException("review page unavailable: " + problem);
        Connection c = pool.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select set_config('padan.user', ?, true)")) {
                ps.setString(1, username);
                ps.execute();
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void destroy() {
        if (pool != null) pool.close();
    }
}
