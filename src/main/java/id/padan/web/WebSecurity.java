package id.padan.web;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the review page: a form login of the users of {@code padan.review_user} (passwords hashed, bcrypt), each
 * with one role; every page but the login and the assets needs one of the review roles. This chain covers the page's
 * paths only and comes first; every other request (the Actuator endpoints) goes to the management chain
 * (ManagementSecurityConfiguration). The page's users and password checking are this
 * chain's own (not beans), so they never mix with the operator's management credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain reviewSecurity(HttpSecurity http, DataSource dataSource) throws Exception {
        DaoAuthenticationProvider users = new DaoAuthenticationProvider(reviewUsers(dataSource));
        users.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        // the page's paths only; everything else (the Actuator endpoints) is the management chain's, which comes after
        http.securityMatcher("/", "/login", "/logout", "/review", "/review/**", "/assets/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/assets/**", "/login").permitAll()
                        .requestMatchers("/review/approvals/**", "/review/approvals").hasAnyRole("APPROVER", "ADMIN")
                        .anyRequest().hasAnyRole("REVIEWER", "APPROVER", "NATIONAL_VIEWER", "ADMIN"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/review", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?keluar"));
        return http.build();
    }

    /** The review page's users, with their role as the one authority {@code ROLE_<role>}. */
    static UserDetailsService reviewUsers(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return username -> jdbc.query("select username, password_hash, role from padan.review_user where username = ?",
                rs -> {
                    if (!rs.next()) throw new UsernameNotFoundException("no such user");
                    return User.withUsername(rs.getString(1)).password(rs.getString(2))
                            .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3))).build();
                }, username);
    }
}
