package dev.cxp.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.actuate.CxpSubjectsWebExtension;
import dev.cxp.internal.actuate.FollowUserMeters;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.user.ConsentRestorer;
import dev.cxp.internal.user.SubjectRequests;
import dev.cxp.internal.user.UserLinks;
import dev.cxp.internal.user.UserVisitors;
import dev.cxp.internal.user.servlet.FollowUserFilter;
import dev.cxp.internal.user.servlet.SignedInUsers;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.web.ConsentRecorder;

/**
 * Auto-configuration of consent that follows the signed-in user (SPEC S15), when
 * {@code cxp.consent.follow-user.enabled} is true in a Spring MVC application with Spring Security: choices made
 * while signed in are linked to the user in the consent ledger, the user's latest choice is restored at sign-in on
 * their other browsers, and, with Actuator, {@code /actuator/cxp/subjects/{user}} answers data subject requests.
 * Backs off without Spring Security. Needs the consent ledger and its consent endpoint: start-up fails, naming the
 * property, when either is off.
 *
 * @since 0.3.0
 */
@AutoConfiguration(after = { CxpConsentLedgerAutoConfiguration.class, CxpWebAutoConfiguration.class,
		CxpEndpointAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityContextHolder.class)
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("cxp.consent.follow-user.enabled")
public final class CxpFollowUserAutoConfiguration {

	/**
	 * Spring Security's filter order when {@code spring.security.filter.order} is not set.
	 */
	static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

	@Bean
	UserLinks cxpUserLinks(CxpProperties properties) {
		// CxpProperties refuses follow-user without the key, so it is set here
		String key = properties.consent().ledger().visitorIdKey();
		return new UserLinks((key != null) ? key : "");
	}

	@Bean
	SignedInUsers cxpSignedInUsers(UserLinks links) {
		return new SignedInUsers(links);
	}

	@Bean
	UserVisitors cxpUserVisitors(ObjectProvider<DataSource> dataSource, ObjectProvider<Clock> clock,
			CxpProperties properties) {
		DataSource database = required(dataSource, "a DataSource, where the consent ledger is kept");
		return UserVisitors.on(database, properties.consent().ledger().timeout(), CxpAutoConfiguration.clock(clock),
				properties.session().timeout());
	}

	@Bean
	ConsentRestorer cxpConsentRestorer(ObjectProvider<ConsentLedger> ledger, ObjectProvider<ConsentLedgerGuard> guard,
			ObjectProvider<ConsentRecorder> recorder, CxpCookies cookies) {
		return new ConsentRestorer(required(guard, "the consent ledger").guard(userLinked(ledger)),
				required(recorder, "the consent endpoint (cxp.web.consent-endpoint.enabled)"),
				cookies.consentCookie().name());
	}

	@Bean
	FilterRegistrationBean<FollowUserFilter> cxpFollowUserFilter(SignedInUsers users, ConsentRestorer restorer,
			UserVisitors visitors, ConsentLedgerGuard guard, ConsentPolicy policy, CxpCookies cookies,
			ObjectProvider<Clock> clock, Environment environment) {
		FollowUserFilter filter = new FollowUserFilter(users, restorer, visitors, guard, policy, cookies,
				CxpAutoConfiguration.clock(clock));
		FilterRegistrationBean<FollowUserFilter> registration = new FilterRegistrationBean<>(filter);
		// Right after Spring Security's filter, whose context tells who is signed in
		registration.setOrder(environment.getProperty("spring.security.filter.order", Integer.class,
				DEFAULT_SECURITY_FILTER_ORDER) + 1);
		return registration;
	}

	@Bean
	SubjectRequests cxpSubjectRequests(UserLinks links, ObjectProvider<ConsentLedger> ledger, UserVisitors visitors,
			ConsentLedgerGuard guard, SessionTracker sessions) {
		return new SubjectRequests(links, guard.guard(userLinked(ledger)), visitors, guard, sessions);
	}

	private static ConsentLedger userLinked(ObjectProvider<ConsentLedger> ledger) {
		ConsentLedger available = required(ledger, "the consent ledger");
		if (!available.supportsUserLinks()) {
			throw new IllegalStateException("cxp.consent.follow-user.enabled=true needs a consent ledger that keeps "
					+ "user links, and " + available.getClass().getName() + " does not: implement "
					+ "ConsentLedger.supportsUserLinks() and the methods it names, or turn the property off");
		}
		return available;
	}

	private static <T> T required(ObjectProvider<T> provider, String what) {
		T available = provider.getIfAvailable();
		if (available == null) {
			throw new IllegalStateException("cxp.consent.follow-user.enabled=true needs " + what
					+ ", which this application does not have; provide it, or turn the property off");
		}
		return available;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(CxpEndpoint.class)
	static class SubjectsEndpointConfiguration {

		@Bean
		CxpSubjectsWebExtension cxpSubjectsWebExtension(SubjectRequests requests) {
			return new CxpSubjectsWebExtension(requests);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetersConfiguration {

		@Bean
		FollowUserMeters cxpFollowUserMeters(ConsentRestorer restorer, SubjectRequests requests) {
			return new FollowUserMeters(restorer, requests);
		}

	}

}
