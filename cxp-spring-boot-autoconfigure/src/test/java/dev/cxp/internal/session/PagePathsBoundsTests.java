package dev.cxp.internal.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bounds of {@link PagePaths}: how many pages are shared, the longest page shared and the longest
 * page recorded.
 */
class PagePathsBoundsTests {

	private final PagePaths pages = new PagePaths(false);

	@Test
	void eachDistinctPageIsSharedOnce() {
		assertThat(this.pages.sharedPages()).isZero();
		page("/");
		page("/about");
		page(new String("/about"));
		page("/cart;jsessionid=ABC");
		page("/cart");
		assertThat(this.pages.sharedPages()).isEqualTo(3);
	}

	@Test
	void aPageOfTheLongestSharedLengthIsShared() {
		String longest = "/" + "s".repeat(PagePaths.MAX_SHARED_PAGE_LENGTH - 1);
		String first = page(new String(longest));
		assertThat(page(new String(longest))).isSameAs(first);
		assertThat(this.pages.sharedPages()).isOne();
	}

	@Test
	void aPageOneCharacterLongerIsNotShared() {
		String tooLong = "/" + "s".repeat(PagePaths.MAX_SHARED_PAGE_LENGTH);
		String first = page(new String(tooLong));
		assertThat(page(new String(tooLong))).isEqualTo(first).isNotSameAs(first);
		assertThat(this.pages.sharedPages()).isZero();
	}

	@Test
	void aPageOfTheLongestLengthIsRecordedWhole() {
		String longest = "/" + "p".repeat(PagePaths.MAX_PAGE_LENGTH - 1);
		assertThat(page(longest)).isEqualTo(longest);
		assertThat(page(longest + "q")).isEqualTo(longest);
	}

	@Test
	void theQueryStringCountsTowardsTheLength() {
		PagePaths keeping = new PagePaths(true);
		String path = "/" + "p".repeat(PagePaths.MAX_PAGE_LENGTH - 4);
		assertThat(keeping.page(new RequestedPage("", path, "q=1"))).isEqualTo(path + "?q=");
		assertThat(keeping.page(new RequestedPage("", "/search", null))).isEqualTo("/search");
	}

	private String page(String requestUri) {
		return this.pages.page(new RequestedPage("", requestUri, null));
	}

}
