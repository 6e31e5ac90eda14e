package dev.cxp.user;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerSchemaInitializer;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.visitor.CxpVisitor;

/**
 * A site with form login, two users (alice and bob) and an operator who may use Actuator, whose pages carry Spring
 * Security's CSRF token in the {@code _csrf} meta tags, as a Thymeleaf template would. Its consent ledger is the
 * JDBC one, counting the reads of a user's latest choice.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
@Import(FollowUserSite.Pages.class)
public class FollowUserSite {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/**")
			.hasRole("OPERATOR")
			.anyRequest()
			.permitAll())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			// An operator's script calls Actuator with basic authentication, without a page to take a token from
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"));
		return http.build();
	}

	// What Spring Boot's security starter registers (spring.security.filter.order), absent from this module's tests
	@Bean
	DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
		DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
				"springSecurityFilterChain");
		registration.setOrder(-100);
		return registration;
	}

	@Bean
	InMemoryUserDetailsManager users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername("operator").password("{noop}operator-password").roles("OPERATOR").build());
		for (String name : new String[] { "alice", "bob", "carol", "dave", "erin", "frank", "grace" }) {
			users.createUser(User.withUsername(name).password("{noop}" + name + "-password").roles("USER").build());
		}
		return users;
	}

	@Bean
	ConsentLedgerSchemaInitializer cxpConsentLedgerSchemaInitializer(DataSource dataSource) {
		return new ConsentLedgerSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS);
	}

	@Bean
	CountingLedger consentLedger(DataSource dataSource, ConsentLedgerSchemaInitializer schema) {
		return new CountingLedger(dataSource);
	}

	/**
	 * The JDBC ledger, counting the reads of a user's latest choice.
	 */
	public static class CountingLedger extends JdbcConsentLedger {

		private final AtomicInteger latestReads = new AtomicInteger();

		CountingLedger(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public java.util.Optional<ConsentRecord> findLatestByUserLink(String userLink) {
			this.latestReads.incrementAndGet();
			return super.findLatestByUserLink(userLink);
		}

		public int latestReads() {
			return this.latestReads.get();
		}

	}

	@RestController
	public static class Pages {

		@GetMapping(path = { "/", "/about" }, produces = MediaType.TEXT_HTML_VALUE)
		String page(CxpVisitor visitor, CsrfToken csrf) {
			return "<html><head><meta name=\"_csrf\" content=\"" + csrf.getToken()
					+ "\"><meta name=\"_csrf_header\" content=\"" + csrf.getHeaderName() + "\"></head><body>visitor "
					+ visitor.visitorId() + "</body></html>";
		}

	}

}
