package dev.cxp.internal.visitor;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WithdrawalRaceTests} with the in-memory store.
 */
class InMemoryWithdrawalRaceTests extends WithdrawalRaceTests {

	@Override
	protected WebApplicationContextRunner contextRunner() {
		return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
			.withPropertyValues("cxp.session.store=memory")
			.withBean(Clock.class, () -> this.clock);
	}

	@Override
	protected int races() {
		return 500;
	}

	@Override
	protected void assertNoSessionStored(AssertableWebApplicationContext context, String visitorId) {
		VisitorSessionStore store = context.getBean(VisitorSessionStore.class);
		assertThat(store).isInstanceOf(InMemoryVisitorSessionStore.class);
		assertThat(store.find(visitorId, this.clock.instant())).isNull();
	}

}
