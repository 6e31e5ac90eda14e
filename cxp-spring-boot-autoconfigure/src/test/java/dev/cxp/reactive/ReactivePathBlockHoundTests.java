package dev.cxp.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.internal.session.redis.ReactiveRedisVisitorSessionStore;
import dev.cxp.session.redis.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S13.3: the reactive path never blocks an event-loop thread. BlockHound instruments the JVM and records
 * every blocking call made on a non-blocking thread (Netty's and Reactor's); each scenario runs once to load its
 * classes, then again while the calls are recorded: page views and withdrawals on the in-memory and the Redis
 * store, choices written to the JDBC ledger and receipts read from it, and TC strings read on every request.
 * Runs in a JVM of its own, with {@code -XX:+AllowRedefinitionToAddDeleteMethods} (see the module's pom).
 */
class ReactivePathBlockHoundTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final String HTML = "text/html,application/xhtml+xml";

	private static final List<String> blockingCalls = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void installBlockHound() {
		Consumer<BlockingMethod> record = (method) -> blockingCalls
			.add(method + " on " + Thread.currentThread().getName() + " from " + caller());
		BlockHound.builder().loadIntegrations().blockingMethodCallback(record).install();
	}

	@Test
	void blockHoundSeesABlockingCallOnANonBlockingThread() {
		blockingCalls.clear();
		Mono.fromRunnable(ReactivePathBlockHoundTests::awaitLatch).subscribeOn(Schedulers.parallel()).block();
		assertThat(blockingCalls).anySatisfy((call) -> assertThat(call).contains("park"));
	}

	@Test
	void inMemoryStoreLedgerAndConsentStringsNeverBlock() {
		try (ConfigurableApplicationContext context = start("--cxp.session.store=memory")) {
			assertNothingBlocks(client(context));
		}
	}

	@Test
	void redisStoreNeverBlocks() {
		try (ConfigurableApplicationContext context = start("--cxp.session.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
				"--cxp.session.redis.timeout=5s")) {
			assertThat(context.getBean(ReactiveVisitorSessionStore.class))
				.isInstanceOf(ReactiveRedisVisitorSessionStore.class);
			assertNothingBlocks(client(context));
		}
	}

	private static void assertNothingBlocks(WebTestClient client) {
		visit(client, "00000000000000000000000000000001");
		blockingCalls.clear();
		visit(client, "00000000000000000000000000000002");
		assertThat(blockingCalls).isEmpty();
	}

	// Page views, a returning visitor's session, a grant with its receipt and a withdrawal, with a TC string
	private static void visit(WebTestClient client, String visitorId) {
		String tcString = ConsentStrings.allPurposes();
		for (String path : List.of("/", "/about", "/")) {
			client.get().uri(path).header("Accept", HTML).cookie("_mspi", visitorId).cookie("euconsent-v2", tcString)
				.exchange().expectStatus().isOk();
		}
		client.get().uri("/api/visitor").cookie("_mspi", visitorId).exchange().expectStatus().isOk();
		String consent = client.put().uri("/cxp/consent").contentType(MediaType.APPLICATION_JSON)
			.cookie("_mspi", visitorId).bodyValue("{\"consent\":\"granted\"}").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseCookies().getFirst("cxp_consent").getValue();
		client.get().uri("/cxp/consent/receipt").cookie("cxp_consent", consent).exchange().expectStatus().isOk();
		client.delete().uri("/cxp/consent").cookie("_mspi", visitorId).exchange().expectStatus().isOk();
		client.get().uri("/").header("Accept", HTML).cookie("_mspi", visitorId).header("X-CXP-Consent", "denied")
			.exchange().expectStatus().isOk();
	}

	// The frame of the starter, or of the application, that made the call: what to fix
	private static String caller() {
		return StackWalker.getInstance()
			.walk((frames) -> frames.filter((frame) -> frame.getClassName().startsWith("dev.cxp")
					&& !frame.getClassName().startsWith(ReactivePathBlockHoundTests.class.getName()))
				.findFirst()
				.map(Object::toString)
				.orElse("outside the starter"));
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] common = { "--server.port=0", "--cxp.consent.ledger.enabled=true", "--cxp.consent.tcf.enabled=true",
				"--spring.datasource.url=jdbc:h2:mem:blockhound-" + System.nanoTime() };
		String[] all = new String[common.length + arguments.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(arguments, 0, all, common.length, arguments.length);
		return new SpringApplicationBuilder(ReactiveTestSite.class).web(WebApplicationType.REACTIVE).run(all);
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// The first requests of an instrumented JVM can take seconds on a busy machine: this test is about blocking,
		// not speed
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	// What a blocking call does: wait on a lock that nobody releases, here for a millisecond
	private static void awaitLatch() {
		try {
			new CountDownLatch(1).await(1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
