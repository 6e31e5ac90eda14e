package dev.cxp.sample;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the {@code follow-user} profile: a form login, two users of the site (alice and bob) and an operator
 * who answers data subject requests through Actuator. CSRF protection stays on: the starter's script sends the
 * token of the page's {@code _csrf} meta tags with every consent choice. The passwords are the sample's only.
 */
@Configuration(proxyBeanMethods = false)
@Profile("follow-user")
class FollowUserSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("cxp"))
			.hasRole("OPERATOR")
			.anyRequest()
			.permitAll())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			// The operator calls Actuator from a script with basic authentication, without a page to take a token from
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()));
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
				User.withUsername("bob").password("{noop}bob-password").roles("USER").build(),
				User.withUsername("operator").password("{noop}operator-password").roles("OPERATOR").build());
	}

}
