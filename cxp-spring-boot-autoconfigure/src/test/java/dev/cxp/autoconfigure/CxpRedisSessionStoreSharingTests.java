package dev.cxp.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.session.VisitSession;
import dev.cxp.session.redis.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts sharing one real Redis through the auto-configured session store.
 */
class CxpRedisSessionStoreSharingTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final int THREADS = 64;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
		.withPropertyValues("cxp.session.redis.timeout=5s");

	@Test
	void concurrentFirstPageViewsOnTwoInstancesStartOneSession() {
		redis.command("FLUSHALL");
		String visitorId = "0123456789abcdef0123456789abcdef";
		WebApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port());
		runner.run((first) -> runner.run((second) -> {
			List<SessionTracker> trackers = List.of(first.getBean(SessionTracker.class),
					second.getBean(SessionTracker.class));
			Set<String> sessionIds = ConcurrentHashMap.newKeySet();
			AtomicInteger failures = new AtomicInteger();
			CountDownLatch startGate = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(THREADS);
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				SessionTracker tracker = trackers.get(i % 2);
				Thread thread = new Thread(() -> {
					try {
						startGate.await();
						VisitSession session = tracker.trackPageView(visitorId, new RequestedPage("", "/", null), tracker.now());
						if (session == null) {
							failures.incrementAndGet();
						}
						else {
							sessionIds.add(session.id());
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						done.countDown();
					}
				});
				thread.start();
				threads.add(thread);
			}
			startGate.countDown();
			assertThat(done.await(60, TimeUnit.SECONDS)).as("all page views done").isTrue();
			assertThat(failures).hasValue(0);
			assertThat(sessionIds).hasSize(1);
			long started = first.getBean(CxpActivity.class).sessionsStarted()
					+ second.getBean(CxpActivity.class).sessionsStarted();
			assertThat(started).as("sessions started over both instances").isEqualTo(1);
			assertThat(first.getBean(CxpActivity.class).pageViews()).isEqualTo(THREADS / 2);
		}));
	}

}
