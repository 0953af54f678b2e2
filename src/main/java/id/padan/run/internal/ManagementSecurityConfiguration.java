package id.padan.run.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read {@code padan daemon}'s Actuator endpoints (the only web server padan runs). Every endpoint is read-only
 * ({@code management.endpoints.access.max-permitted}); any other method is refused. {@code /actuator/health} answers
 * everyone with the status alone; its details (the schedule, the database, disk space and its path) and the other
 * endpoints need the operator's credentials ({@code PADAN_MANAGEMENT_USER} / {@code PADAN_MANAGEMENT_PASSWORD}, HTTP
 * basic) when these are set. Without them the endpoints are open to local callers only, which is why a daemon bound
 * beyond loopback without credentials refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ManagementSecurityConfiguration {

    /** The operator's credentials, if any, and whether the endpoints are reachable from other machines. */
    record ManagementAccess(String user, String password, boolean loopback) {
        boolean credentials() {
            return !user.isBlank() && !password.isBlank();
        }
    }

    @Bean
    ManagementAccess managementAccess(@Value("${padan.management.user:}") String user, @Value("${padan.management.password:}") String password,
                                      @Value("${server.address:127.0.0.1}") String bind) {
        ManagementAccess access = new ManagementAccess(user.strip(), password, loopback(bind));
        if (user.isBlank() != password.isBlank()) {
            throw new IllegalStateException("set both PADAN_MANAGEMENT_USER and PADAN_MANAGEMENT_PASSWORD, or neither");
        }
        if (!access.loopback() && !access.credentials()) {
            throw new IllegalStateException("the daemon's endpoints would listen on " + bind + ", beyond this machine, without a password:"
                    + " set PADAN_MANAGEMENT_USER and PADAN_MANAGEMENT_PASSWORD, or bind to 127.0.0.1");
        }
        return access;
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the daemon's bind address " + bind + " is not known: " + e.getMessage(), e);
        }
    }

    @Bean
    SecurityFilterChain managementSecurity(HttpSecurity http, ManagementAccess access) throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health").permitAll();
                    if (access.credentials()) {
                        requests.requestMatchers(HttpMethod.GET, "/actuator/**").authenticated();
                    } else {
                        requests.requestMatchers(HttpMethod.GET, "/actuator/**").permitAll();
                    }
                    requests.anyRequest().denyAll();
                })
                .httpBasic(Customizer.withDefaults())
                // No sessions and no cookies: every request carries its credentials, and nothing but GET is allowed.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder managementPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService managementUsers(ManagementAccess access, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (access.credentials()) {
            users.createUser(User.withUsername(access.user()).password(encoder.encode(access.password())).roles("OPERATOR").build());
        }
        return users;
    }
}
