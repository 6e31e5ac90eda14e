package dev.cxp.benchmarks.load;

import java.util.List;

/**
 * The applications the load benchmark can run its variants on, and the two pages it requests from each.
 *
 * @since 0.2.0
 */
enum AppShape {

	/**
	 * The sample app's jar, with the benchmark's Thymeleaf pages added.
	 */
	SAMPLE("sample", List.of("/benchmark/home", "/benchmark/about"), List.of()),

	/**
	 * An application shaped like a user's ({@code UserShapedApplication} in the benchmarks jar): the
	 * starter, Spring MVC and Actuator with its defaults, two identical pages that render nothing of the
	 * visitor.
	 */
	USER("user", List.of("/", "/about"), List.of(AppShape.QUIET_BASE_PATH + "/home", AppShape.QUIET_BASE_PATH + "/about"));

	/**
	 * The path under which the user-shaped application serves its quiet pages: the same pages, which the starter
	 * (its base path moved there) and the hand-written interceptor leave alone.
	 */
	static final String QUIET_BASE_PATH = "/quiet";

	private final String label;

	private final List<String> pages;

	private final List<String> quietPages;

	AppShape(String label, List<String> pages, List<String> quietPages) {
		this.label = label;
		this.pages = pages;
		this.quietPages = quietPages;
	}

	String label() {
		return this.label;
	}

	/**
	 * The two pages the load alternates between, the first one also used for the first visit.
	 * @return the paths of the pages
	 */
	List<String> pages() {
		return this.pages;
	}

	/**
	 * The same two pages at paths the starter and the hand-written interceptor leave alone, for slices that
	 * measure a JVM without the visitor's path.
	 * @return the paths of the quiet pages, empty where the application has none
	 */
	List<String> quietPages() {
		return this.quietPages;
	}

	static AppShape of(String label) {
		for (AppShape shape : values()) {
			if (shape.label.equals(label)) {
				return shape;
			}
		}
		throw new IllegalArgumentException("Unknown application '" + label + "': use sample or user");
	}

}
