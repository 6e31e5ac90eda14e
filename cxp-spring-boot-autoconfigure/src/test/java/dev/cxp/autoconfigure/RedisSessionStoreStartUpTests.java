package dev.cxp.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.session.redis.SessionStoreRedisConnections;
import dev.cxp.session.VisitSession;
import dev.cxp.session.redis.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis session store from the first page view on, and never a queue of requests waiting for Redis: it
 * connects while the context starts, and while Redis cannot be reached (here a listening socket whose
 * backlog is full, so connecting hangs as with a blackholed address) start-up goes on and page views are
 * served untracked at once.
 */
class RedisSessionStoreStartUpTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final int THREADS = 64;

	/**
	 * The documented bound of a page view while Redis is unreachable: the store is skipped without a network
	 * call, so this is generous for a busy build machine.
	 */
	private static final Duration UNREACHABLE_BOUND = Duration.ofMillis(500);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1");

	@Test
	void firstPageViewOfAFreshContextIsTracked() {
		redis.command("FLUSHALL");
		redis.command("SCRIPT FLUSH");
		// The default command timeout of 100 ms: the connection is made at start-up, not in the page view.
		this.contextRunner.withPropertyValues("spring.data.redis.port=" + redis.port()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SessionStoreRedisConnections.class).isConnected()).isTrue();
			SessionTracker tracker = context.getBean(SessionTracker.class);
			VisitSession[] session = new VisitSession[1];
			// The script was loaded at start-up: the first page view is one EVALSHA, not EVALSHA then EVAL.
			List<String> commands = redis.clientCommands(
					() -> session[0] = tracker.trackPageView("0123456789abcdef0123456789abcdef", new RequestedPage("", "/", null), tracker.now()));
			assertThat(session[0]).isNotNull();
			// The store counts its sessions on a thread of its own, which may scan meanwhile
			assertThat(commands).filteredOn((command) -> !command.toLowerCase(Locale.ROOT).startsWith("\"scan\""))
				.hasSize(1)
				.allSatisfy((command) -> assertThat(command).startsWithIgnoringCase("\"evalsha\""));
			assertThat(redis.command("EXISTS cxp:session:0123456789abcdef0123456789abcdef")).isEqualTo(":1");
		});
	}

	@Test
	void unreachableRedisNeitherFailsStartUpNorHoldsPageViews() throws Exception {
		try (Blackhole blackhole = new Blackhole()) {
			long start = System.nanoTime();
			this.contextRunner
				.withPropertyValues("spring.data.redis.port=" + blackhole.port(),
						"cxp.session.redis.connect-timeout=300ms")
				.run((context) -> {
					Duration startUp = Duration.ofNanos(System.nanoTime() - start);
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(SessionStoreRedisConnections.class).isConnected()).isFalse();
					// Three attempts at most, each bounded by the connect timeout, plus the context itself.
					assertThat(startUp).isLessThan(Duration.ofSeconds(10));
					SessionTracker tracker = context.getBean(SessionTracker.class);
					AtomicLong slowest = new AtomicLong();
					AtomicInteger tracked = new AtomicInteger();
					CountDownLatch startGate = new CountDownLatch(1);
					CountDownLatch done = new CountDownLatch(THREADS);
					List<Thread> threads = new ArrayList<>();
					for (int i = 0; i < THREADS; i++) {
						String visitorId = String.format("%032x", i);
						Thread thread = new Thread(() -> {
							try {
								startGate.await();
								long began = System.nanoTime();
								if (tracker.trackPageView(visitorId, new RequestedPage("", "/", null), tracker.now()) != null) {
									tracked.incrementAndGet();
								}
								slowest.accumulateAndGet(System.nanoTime() - began, Math::max);
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
					assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
					assertThat(tracked).hasValue(0);
					assertThat(Duration.ofNanos(slowest.get())).isLessThan(UNREACHABLE_BOUND);
					assertThat(context.getBean(dev.cxp.session.VisitorSessionStore.class).size()).isZero();
				});
		}
	}

	@Test
	void storeConnectsInTheBackgroundOnceRedisIsBack() throws Exception {
		redis.stop();
		try {
			this.contextRunner.withPropertyValues("spring.data.redis.port=" + redis.port()).run((context) -> {
				assertThat(context).hasNotFailed();
				SessionTracker tracker = context.getBean(SessionTracker.class);
				assertThat(tracker.trackPageView("0123456789abcdef0123456789abcdef", new RequestedPage("", "/", null), tracker.now())).isNull();
				redis.start();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> tracker.trackPageView("0123456789abcdef0123456789abcdef", new RequestedPage("", "/", null), tracker.now()) != null);
			});
		}
		finally {
			if (!"+PONG".equals(safePing())) {
				redis.start();
			}
		}
	}

	private static String safePing() {
		try {
			return redis.command("PING");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/**
	 * A loopback port that accepts no connection and answers nothing: a listening socket that never accepts,
	 * with its backlog filled, so that a further connect hangs until its timeout.
	 */
	static final class Blackhole implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> fillers = new ArrayList<>();

		Blackhole() throws IOException {
			this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			for (int i = 0; i < 16; i++) {
				Socket filler = new Socket();
				try {
					filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
					this.fillers.add(filler);
				}
				catch (SocketTimeoutException ex) {
					filler.close();
					return;
				}
			}
			throw new IllegalStateException("The backlog did not fill");
		}

		int port() {
			return this.server.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			for (Socket filler : this.fillers) {
				filler.close();
			}
			this.server.close();
		}

	}

}
