package dev.cxp.benchmarks.load;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cxp.benchmarks.handwritten.HandWrittenVisitorVariant;
import dev.cxp.benchmarks.pages.BenchmarkPagesController;
import dev.cxp.benchmarks.session.SpringSessionVariant;

/**
 * The ways the load benchmark runs an application: each is one JVM, of one {@link AppShape}, playing one
 * {@link Role} in the comparison.
 */
enum Variant {

	/**
	 * The starter as the sample app configures it.
	 */
	STARTER("starter", AppShape.SAMPLE, Role.STARTER, List.of(Sources.PAGES)),

	/**
	 * The same app with the starter switched off: the baseline.
	 */
	DISABLED("disabled", AppShape.SAMPLE, Role.BASELINE, List.of("--cxp.enabled=false", Sources.PAGES)),

	/**
	 * A second JVM of the baseline: how far two JVMs of the same app differ (JIT decisions, memory layout)
	 * is the noise floor of the comparison.
	 */
	DISABLED_CONTROL("disabled-again", AppShape.SAMPLE, Role.BASELINE_AGAIN,
			List.of("--cxp.enabled=false", Sources.PAGES)),

	/**
	 * The starter with its visit sessions in Redis (a local {@code redis-server} the benchmark starts), as
	 * several instances would share them; run only where {@code redis-server} is installed.
	 */
	STARTER_REDIS("starter-redis", AppShape.SAMPLE, Role.STARTER_REDIS, List.of("--cxp.session.store=redis",
			"--management.health.redis.enabled=false", "--spring.data.redis.host=127.0.0.1", Sources.PAGES)),

	/**
	 * The starter switched off and Spring Session doing comparable work.
	 */
	SPRING_SESSION("spring-session", AppShape.SAMPLE, Role.SPRING_SESSION,
			List.of("--cxp.enabled=false", Sources.PAGES + "," + SpringSessionVariant.class.getName())),

	/**
	 * The user-shaped application with the starter on, its default settings.
	 */
	USER_STARTER("starter", AppShape.USER, Role.STARTER, List.of()),

	/**
	 * A second JVM of the user-shaped application with the starter on: the A/A spread of the starter.
	 */
	USER_STARTER_AGAIN("starter-again", AppShape.USER, Role.STARTER_AGAIN, List.of()),

	/**
	 * The user-shaped application with the starter switched off: the baseline.
	 */
	USER_DISABLED("disabled", AppShape.USER, Role.BASELINE, List.of("--cxp.enabled=false")),

	/**
	 * A second JVM of the user-shaped baseline: the A/A spread of the baseline.
	 */
	USER_DISABLED_AGAIN("disabled-again", AppShape.USER, Role.BASELINE_AGAIN, List.of("--cxp.enabled=false")),

	/**
	 * The user-shaped application with the starter switched off and Spring Session's map repository, one
	 * session attribute written per page view.
	 */
	USER_SPRING_SESSION("spring-session", AppShape.USER, Role.SPRING_SESSION,
			List.of("--cxp.enabled=false", "--spring.main.sources=" + SpringSessionVariant.class.getName())),

	/**
	 * The user-shaped application with the starter switched off and a hand-written cookie plus map: the
	 * practical limit.
	 */
	USER_HAND_WRITTEN("hand-written", AppShape.USER, Role.HAND_WRITTEN,
			List.of("--cxp.enabled=false", "--spring.main.sources=" + HandWrittenVisitorVariant.class.getName()));

	/**
	 * What a variant stands for in the comparison, whatever the application.
	 */
	enum Role {

		/** The starter on. */
		STARTER,

		/** The starter on, in a second JVM. */
		STARTER_AGAIN,

		/** The starter off: what every other role is compared with. */
		BASELINE,

		/** The starter off, in a second JVM. */
		BASELINE_AGAIN,

		/** The starter on, its sessions in Redis. */
		STARTER_REDIS,

		/** The starter off, Spring Session doing comparable work. */
		SPRING_SESSION,

		/** The starter off, a hand-written cookie and map. */
		HAND_WRITTEN;

		boolean starterOn() {
			return this == STARTER || this == STARTER_AGAIN || this == STARTER_REDIS;
		}

		/**
		 * The cookie this role's server issues to identify a visitor, which the benchmark takes from a
		 * first visit; {@code null} where the benchmark makes up an {@code _mspi} cookie itself.
		 */
		@Nullable String issuedCookie() {
			return switch (this) {
				case SPRING_SESSION -> "SESSION";
				case HAND_WRITTEN -> HandWrittenVisitorVariant.COOKIE;
				default -> null;
			};
		}

	}

	/**
	 * What every variant of the sample app adds to it: the benchmark's pages.
	 */
	private static final class Sources {

		static final String PAGES = "--spring.main.sources=" + BenchmarkPagesController.class.getName();

	}

	private final String label;

	private final AppShape shape;

	private final Role role;

	private final List<String> arguments;

	Variant(String label, AppShape shape, Role role, List<String> arguments) {
		this.label = label;
		this.shape = shape;
		this.role = role;
		this.arguments = arguments;
	}

	String label() {
		return this.label;
	}

	AppShape shape() {
		return this.shape;
	}

	Role role() {
		return this.role;
	}

	List<String> arguments() {
		return this.arguments;
	}

	static List<Variant> of(AppShape shape) {
		return Arrays.stream(values()).filter((variant) -> variant.shape == shape).toList();
	}

}
