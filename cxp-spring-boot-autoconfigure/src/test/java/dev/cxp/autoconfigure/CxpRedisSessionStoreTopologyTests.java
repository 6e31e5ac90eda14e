package dev.cxp.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.internal.session.redis.SessionStoreRedisConnections;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.session.VisitSession;
import dev.cxp.session.redis.RedisNodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The session store reaches the Redis the application's own connection factory reaches, in every topology Boot
 * configures, against real servers started here: a standalone server with an ACL user and a database, Sentinel
 * (through the failover that follows a crash of the master), a cluster of three masters, a master with a
 * replica and an ACL user (from properties and from a declared configuration), and TLS through an SSL bundle.
 * The store has its own, bounded connection factory (see {@link SessionStoreRedisConnections}): each test
 * records a page view through the store and reads the session back through the application's factory, and
 * erases through the store.
 */
class CxpRedisSessionStoreTopologyTests {

	private static final String USER = "cxp";

	private static final String PASSWORD = "cxp-secret";

	private static final String[] ACL_USER = { "--user", "default", "off", "--user", USER, "on", ">" + PASSWORD, "~*",
			"&*", "+@all" };

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, DataRedisAutoConfiguration.class,
				CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
		// Generous: the timeouts are not what is tested, and the build machine may be busy
		.withPropertyValues("cxp.session.store=redis", "cxp.session.redis.timeout=2s",
				"cxp.session.redis.connect-timeout=5s", "spring.data.redis.timeout=5s");

	@Test
	void standaloneWithAnAclUserAndADatabase() throws Exception {
		try (RedisNodes nodes = RedisNodes.create()) {
			int port = nodes.server(ACL_USER);
			this.contextRunner
				.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
						"spring.data.redis.username=" + USER, "spring.data.redis.password=" + PASSWORD,
						"spring.data.redis.database=3")
				.run((context) -> {
					String visitor = assertStoreReachesTheApplicationsRedis(context);
					assertThat(nodes.commandAs(port, USER, PASSWORD, "EXISTS", key(visitor))).isEqualTo(":0");
					assertThat(countInDatabase(nodes, port, 3, key(visitor))).isEqualTo(":1");
				});
		}
	}

	@Test
	void sentinelThroughTheFailoverAfterTheMasterCrashes() throws Exception {
		try (RedisNodes nodes = RedisNodes.create()) {
			int master = nodes.server();
			int replica = nodes.server("--replicaof", "127.0.0.1", Integer.toString(master));
			awaitReplicaInSync(nodes, replica, null, null);
			int sentinel = nodes.sentinel("cxp", master);
			this.contextRunner
				.withPropertyValues("spring.data.redis.sentinel.master=cxp",
						"spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinel)
				.run((context) -> {
					String before = assertStoreReachesTheApplicationsRedis(context);
					assertThat(nodes.command(master, "EXISTS", key(before))).isEqualTo(":1");
					await("Sentinel aware of the replica").atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(50))
						.until(() -> String.valueOf(nodes.command(sentinel, "SENTINEL", "REPLICAS", "cxp"))
							.contains(Integer.toString(replica)));
					// The master crashes: Sentinel sees it down after a second and promotes the replica
					nodes.kill(master);
					await("replica promoted").atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(100))
						.until(() -> String
							.valueOf(nodes.command(sentinel, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "cxp"))
							.endsWith("\n" + replica));
					SessionTracker tracker = context.getBean(SessionTracker.class);
					String after = "f0000000000000000000000000000001";
					// Page views fail while the store reconnects, then reach the new master
					await("page view tracked on the new master").atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(100))
						.until(() -> tracker.trackPageView(after, new RequestedPage("", "/", null), tracker.now()) != null
								&& ":1".equals(nodes.command(replica, "EXISTS", key(after))));
					assertThat(applicationRedis(context).opsForHash().get(key(after), "page")).isEqualTo("/");
				});
		}
	}

	@Test
	void clusterOfThreeMasters() throws Exception {
		try (RedisNodes nodes = RedisNodes.create()) {
			int[] ports = new int[3];
			for (int i = 0; i < ports.length; i++) {
				ports[i] = nodes.server("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + i + ".conf",
						"--cluster-node-timeout", "5000");
			}
			nodes.createCluster(ports);
			this.contextRunner
				.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1]
						+ ",127.0.0.1:" + ports[2])
				.run((context) -> {
					assertStoreReachesTheApplicationsRedis(context);
					SessionTracker tracker = context.getBean(SessionTracker.class);
					List<String> visitors = new ArrayList<>();
					for (int i = 0; i < 20; i++) {
						String visitor = String.format("%032x", i + 100);
						assertThat(tracker.trackPageView(visitor, new RequestedPage("", "/", null), tracker.now())).isNotNull();
						visitors.add(visitor);
					}
					// Erased together, the first four lie on more than one master: no CROSSSLOT
					List<String> erased = visitors.subList(0, 4);
					assertThat(mastersHolding(nodes, ports, erased)).hasSizeGreaterThan(1);
					assertThat(tracker.forget(erased)).isTrue();
					StringRedisTemplate application = applicationRedis(context);
					for (String visitor : erased) {
						assertThat(application.opsForHash().hasKey(key(visitor), "erased")).isTrue();
						assertThat(application.opsForHash().hasKey(key(visitor), "id")).isFalse();
					}
					// The sessions are counted on every master: 1 + 20 keys, four of them markers
					RedisVisitorSessionStore counted = new RedisVisitorSessionStore(
							context.getBean(SessionStoreRedisConnections.class), "cxp:session:", Duration.ofMinutes(30),
							new SecureIdGenerator()::sessionId, 2048, Clock.systemUTC(), Duration.ofMillis(50));
					try {
						await().atMost(Duration.ofSeconds(10))
							.pollInterval(Duration.ofMillis(20))
							.until(() -> counted.size() == 21);
					}
					finally {
						counted.destroy();
					}
				});
		}
	}

	@Test
	void masterAndReplicaWithAnAclUser() throws Exception {
		try (RedisNodes nodes = RedisNodes.create()) {
			int master = nodes.server(ACL_USER);
			int replica = nodes.server(concat(ACL_USER, "--replicaof", "127.0.0.1", Integer.toString(master),
					"--masteruser", USER, "--masterauth", PASSWORD));
			awaitReplicaInSync(nodes, replica, USER, PASSWORD);
			String nodesProperty = "spring.data.redis.masterreplica.nodes=127.0.0.1:" + master + ",127.0.0.1:"
					+ replica;
			this.contextRunner
				.withPropertyValues(nodesProperty, "spring.data.redis.username=" + USER,
						"spring.data.redis.password=" + PASSWORD)
				.run((context) -> {
					String visitor = assertStoreReachesTheApplicationsRedis(context);
					assertThat(nodes.commandAs(master, USER, PASSWORD, "EXISTS", key(visitor))).isEqualTo(":1");
				});
			// The same servers from a configuration the application declares, as Boot's own factory takes it
			this.contextRunner.withBean(RedisStaticMasterReplicaConfiguration.class, () -> {
				RedisStaticMasterReplicaConfiguration configuration = new RedisStaticMasterReplicaConfiguration(
						"127.0.0.1", master);
				configuration.addNode("127.0.0.1", replica);
				configuration.setUsername(USER);
				configuration.setPassword(RedisPassword.of(PASSWORD));
				return configuration;
			}).run((context) -> {
				String visitor = assertStoreReachesTheApplicationsRedis(context);
				assertThat(nodes.commandAs(master, USER, PASSWORD, "EXISTS", key(visitor))).isEqualTo(":1");
			});
		}
	}

	@Test
	void tlsThroughAnSslBundle() throws Exception {
		try (RedisNodes nodes = RedisNodes.create()) {
			Path certificate = nodes.directory().resolve("redis.crt");
			Path key = nodes.directory().resolve("redis.key");
			selfSignedCertificate(certificate, key);
			int port = nodes.tlsServer(certificate, key);
			this.contextRunner
				.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
						"spring.data.redis.ssl.enabled=true", "spring.data.redis.ssl.bundle=redis",
						"spring.ssl.bundle.pem.redis.truststore.certificate=" + certificate.toUri())
				.run((context) -> {
					String visitor = assertStoreReachesTheApplicationsRedis(context);
					assertThat(nodes.tlsCommand(port, certificate, "EXISTS", key(visitor))).isEqualTo("1");
				});
		}
	}

	/**
	 * Record a page view through the store, read it through the application's factory, then erase it through
	 * the store and read the marker the same way.
	 * @return the visitor whose session was recorded, then erased and recorded again
	 */
	private String assertStoreReachesTheApplicationsRedis(AssertableWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		SessionStoreRedisConnections connections = context.getBean(SessionStoreRedisConnections.class);
		assertThat(connections.connectionFactory()).isNotSameAs(context.getBean(RedisConnectionFactory.class));
		assertThat(connections.isConnected()).as("store connected at start-up").isTrue();
		SessionTracker tracker = context.getBean(SessionTracker.class);
		String visitor = "0123456789abcdef0123456789abcdef";
		VisitSession session = tracker.trackPageView(visitor, new RequestedPage("", "/topology", null), tracker.now());
		assertThat(session).as("page view tracked").isNotNull();
		StringRedisTemplate application = applicationRedis(context);
		assertThat(application.opsForHash().get(key(visitor), "id")).isEqualTo(session.id());
		assertThat(tracker.forget(List.of(visitor))).as("erased").isTrue();
		assertThat(application.opsForHash().hasKey(key(visitor), "erased")).isTrue();
		assertThat(application.opsForHash().hasKey(key(visitor), "id")).isFalse();
		assertThat(tracker.trackPageView(visitor, new RequestedPage("", "/again", null), Instant.ofEpochMilli(tracker.now().toEpochMilli() + 1))).isNotNull();
		return visitor;
	}

	private static StringRedisTemplate applicationRedis(AssertableWebApplicationContext context) {
		return new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
	}

	private static void awaitReplicaInSync(RedisNodes nodes, int replica, String user, String password) {
		await("replica in sync").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> String.valueOf(nodes.commandAs(replica, user, password, "INFO", "replication"))
				.contains("master_link_status:up"));
	}

	private static String countInDatabase(RedisNodes nodes, int port, int database, String key) {
		// One connection: SELECT, then EXISTS, through a script that does both
		return nodes.commandAs(port, USER, PASSWORD, "EVAL",
				"redis.call('SELECT', ARGV[1]) return redis.call('EXISTS', KEYS[1])", "1", key,
				Integer.toString(database));
	}

	private static Set<Integer> mastersHolding(RedisNodes nodes, int[] ports, List<String> visitors) {
		Set<Integer> masters = new HashSet<>();
		for (String visitor : visitors) {
			for (int port : ports) {
				// The other masters answer MOVED
				if (":1".equals(nodes.command(port, "EXISTS", key(visitor)))) {
					masters.add(port);
				}
			}
		}
		return masters;
	}

	private static void selfSignedCertificate(Path certificate, Path key) throws IOException, InterruptedException {
		Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
				key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext",
				"subjectAltName=IP:127.0.0.1,DNS:localhost")
			.redirectErrorStream(true)
			.start();
		String output = new String(openssl.getInputStream().readAllBytes());
		assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(openssl.exitValue()).as(output).isZero();
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	private static String key(String visitor) {
		return "cxp:session:" + visitor;
	}

}
