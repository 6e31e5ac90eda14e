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
	SAMPLE("sample", List.of("/benchmark/home", "/benchmark/about")),

	/**
	 * An application shaped like a user's ({@code UserShapedApplication} in the benchmarks jar): the
	 * starter, Spring MVC and Actuator with its defaults, two identical pages that render nothing of the
	 * visitor.
	 */
	USER("user", List.of("/", "/about"));

	private final String label;

	private final List<String> pages;

	AppShape(String label, List<String> pages) {
		this.label = label;
		this.pages = pages;
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

	static AppShape of(String label) {
		for (AppShape shape : values()) {
			if (shape.label.equals(label)) {
				return shape;
			}
		}
		throw new IllegalArgumentException("Unknown application '" + label + "': use sample or user");
	}

}
