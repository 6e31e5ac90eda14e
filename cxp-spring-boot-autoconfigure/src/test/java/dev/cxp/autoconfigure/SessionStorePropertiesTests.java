package dev.cxp.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store's bounds and Redis connection settings as properties: their defaults, how they reach the
 * store, and the values refused at start-up.
 */
class SessionStorePropertiesTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
		.withPropertyValues("cxp.session.store=memory");

	@Test
	void defaults() {
		this.contextRunner.run((context) -> {
			CxpProperties.Session session = context.getBean(CxpProperties.class).session();
			assertThat(session.maxMemory()).isEqualTo(DataSize.ofMegabytes(48));
			assertThat(session.maxEntries()).isEqualTo(100_000);
			assertThat(session.redis().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(session.redis().maxPageLength()).isEqualTo(2048);
			InMemoryVisitorSessionStore store = (InMemoryVisitorSessionStore) context.getBean(VisitorSessionStore.class);
			assertThat(store.maximumWeight()).isEqualTo(DataSize.ofMegabytes(48).toBytes() / 100_000 * 100_000);
		});
	}

	@Test
	void maxMemoryBoundsTheInMemoryStore() {
		this.contextRunner.withPropertyValues("cxp.session.max-memory=1MB", "cxp.session.max-entries=10")
			.run((context) -> {
				InMemoryVisitorSessionStore store = (InMemoryVisitorSessionStore) context
					.getBean(VisitorSessionStore.class);
				// Ten entries of at most 1 MB / 10 each: the entry bound is the tighter one here.
				assertThat(store.maximumWeight()).isEqualTo(DataSize.ofMegabytes(1).toBytes() / 10 * 10);
			});
		this.contextRunner.withPropertyValues("cxp.session.max-memory=64KB").run((context) -> {
			InMemoryVisitorSessionStore store = (InMemoryVisitorSessionStore) context.getBean(VisitorSessionStore.class);
			assertThat(store.maximumWeight()).isLessThanOrEqualTo(DataSize.ofKilobytes(64).toBytes());
		});
	}

	@Test
	void invalidValuesFailStartUp() {
		for (String invalid : new String[] { "cxp.session.max-memory=0B", "cxp.session.redis.connect-timeout=0s",
				"cxp.session.redis.max-page-length=0", "cxp.session.redis.max-page-length=4096" }) {
			this.contextRunner.withPropertyValues(invalid)
				.run((context) -> assertThat(context).as(invalid).hasFailed());
		}
	}

}
