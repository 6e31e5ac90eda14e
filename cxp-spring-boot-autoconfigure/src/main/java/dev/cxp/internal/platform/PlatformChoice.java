package dev.cxp.internal.platform;

import org.jspecify.annotations.Nullable;

/**
 * What one platform cookie says, before the site's mapping: whether each of the platform's categories was
 * accepted, whether its grants count, and whether it records a choice the visitor made.
 *
 * @param categories whether a category was accepted ({@code true}), refused ({@code false}) or is not known
 * ({@code null})
 * @param grantsCount whether accepted categories grant anything; {@code false} when the platform gave them
 * without asking (Cookiebot's implied consent) or under an older policy, where only refusals count
 * @param madeByVisitor whether the cookie itself shows that the visitor chose; OneTrust also writes its
 * defaults before any interaction, which count only when its banner-closed cookie is present
 */
record PlatformChoice(Categories categories, boolean grantsCount, boolean madeByVisitor) {

	/**
	 * A cookie that says nothing about any category.
	 */
	static final PlatformChoice NOTHING = new PlatformChoice((category) -> null, false, true);

	/**
	 * Whether each category of a platform was accepted.
	 */
	@FunctionalInterface
	interface Categories {

		/**
		 * Whether a category was accepted.
		 * @param category the platform's name of the category
		 * @return {@code true} when accepted, {@code false} when refused, {@code null} when not known
		 */
		@Nullable Boolean accepted(String category);

	}

}
