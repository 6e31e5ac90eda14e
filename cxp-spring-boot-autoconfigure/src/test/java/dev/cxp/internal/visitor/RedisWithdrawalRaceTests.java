package dev.cxp.internal.visitor;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpRedisSessionStoreAutoConfiguration;
import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.session.redis.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WithdrawalRaceTests} with the Redis store, against a real Redis: the key may hold the marker of the
 * erasure, never a session's fields.
 */
class RedisWithdrawalRaceTests extends WithdrawalRaceTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@BeforeEach
	void flush() {
		redis.command("FLUSHALL");
	}

	@Override
	protected WebApplicationContextRunner contextRunner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
			// Generous: the timeout is not what is tested, and the build machine may be busy
			.withPropertyValues("cxp.session.store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "cxp.session.redis.timeout=5s")
			.withBean(Clock.class, () -> this.clock);
	}

	@Override
	protected int races() {
		return 200;
	}

	@Override
	protected void assertNoSessionStored(AssertableWebApplicationContext context, String visitorId) {
		assertThat(context.getBean(VisitorSessionStore.class)).isInstanceOf(RedisVisitorSessionStore.class);
		String key = "cxp:session:" + visitorId;
		assertThat(redis.command("HEXISTS " + key + " id")).as("session id in %s", key).isEqualTo(":0");
		assertThat(redis.command("HEXISTS " + key + " erased")).as("marker in %s", key).isEqualTo(":1");
	}

}
