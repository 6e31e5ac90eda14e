package dev.cxp.internal.session;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request records as its page, and how pages are shared between sessions.
 */
class PagePathsTests {

	private final PagePaths pages = new PagePaths(false);

	@Test
	void pathParametersAreDroppedFromEverySegment() {
		assertThat(this.pages.page(new RequestedPage("", "/cart;jsessionid=ABC", null))).isEqualTo("/cart");
		assertThat(this.pages.page(new RequestedPage("", "/shop;jsessionid=ABC/cart", null))).isEqualTo("/shop/cart");
		assertThat(this.pages.page(new RequestedPage("", "/a;x=1;y=2/b;c=d/c", null))).isEqualTo("/a/b/c");
		assertThat(this.pages.page(new RequestedPage("", "/;jsessionid=ABC", null))).isEqualTo("/");
		assertThat(this.pages.page(new RequestedPage("", ";jsessionid=ABC", null))).isEqualTo("/");
	}

	@Test
	void contextPathIsNotPartOfThePage() {
		assertThat(this.pages.page(new RequestedPage("/app", "/app/cart", null))).isEqualTo("/cart");
		assertThat(this.pages.page(new RequestedPage("/app", "/app", null))).isEqualTo("/");
		assertThat(this.pages.page(new RequestedPage("/app", "/app;jsessionid=ABC/cart;jsessionid=ABC", null))).isEqualTo("/cart");
		assertThat(this.pages.page(new RequestedPage("/app;v=1", "/app;v=1/cart", null))).isEqualTo("/cart");
		// Only a whole segment is the context path.
		assertThat(this.pages.page(new RequestedPage("/app", "/apple", null))).isEqualTo("/apple");
	}

	@Test
	void queryStringOnlyWhenAskedForAndAfterTheParametersAreGone() {
		assertThat(this.pages.page(new RequestedPage("", "/search;jsessionid=ABC", "q=shoes"))).isEqualTo("/search");
		PagePaths keeping = new PagePaths(true);
		assertThat(keeping.page(new RequestedPage("/app", "/app/search;jsessionid=ABC", "q=shoes"))).isEqualTo("/search?q=shoes");
		assertThat(keeping.page(new RequestedPage("", "/search", ""))).isEqualTo("/search");
	}

	@Test
	void pagesAreCapped() {
		String page = page(this.pages, "", "/" + "x".repeat(5000) + ";jsessionid=ABC", null);
		assertThat(page).hasSize(PagePaths.MAX_PAGE_LENGTH).startsWith("/xxx");
	}

	@Test
	void pathWithoutParametersIsTheSameInstance() {
		String uri = "/cart/items";
		assertThat(PagePaths.withoutPathParameters(uri)).isSameAs(uri);
	}

	@Test
	void oftenViewedPagesAreShared() {
		String first = page(this.pages, "", new String("/about"), null);
		String second = page(this.pages, "", new String("/about"), null);
		assertThat(second).isEqualTo("/about").isSameAs(first);
	}

	@Test
	void junkPathsDoNotKeepRealPagesOutForever() {
		for (int i = 0; i < 20 * PagePaths.MAX_SHARED_PAGES; i++) {
			page(this.pages, "", "/junk-" + i, null);
		}
		// A page of the site viewed again and again, with junk still coming in between.
		String shared = null;
		for (int i = 0; i < 50; i++) {
			shared = page(this.pages, "", new String("/products"), null);
			page(this.pages, "", "/more-junk-" + i, null);
		}
		assertThat(page(this.pages, "", new String("/products"), null)).isSameAs(shared);
		for (int i = 0; i < 20 * PagePaths.MAX_SHARED_PAGES; i++) {
			page(this.pages, "", "/late-junk-" + i, null);
		}
		// Seen often, the real page outweighs junk seen once and stays shared.
		assertThat(page(this.pages, "", new String("/products"), null)).isSameAs(shared);
	}

	@Test
	void sharedPagesAreBounded() {
		for (int i = 0; i < 10 * PagePaths.MAX_SHARED_PAGES; i++) {
			page(this.pages, "", "/junk-" + i, null);
		}
		// Evicted on the writing thread: the bound holds as soon as the pages are added
		assertThat(this.pages.sharedPages()).isLessThanOrEqualTo(PagePaths.MAX_SHARED_PAGES);
	}

	@Test
	void longPagesAreNotShared() {
		String longPage = "/" + "x".repeat(PagePaths.MAX_SHARED_PAGE_LENGTH);
		this.pages.page(new RequestedPage("", longPage, null));
		assertThat(this.pages.sharedPages()).isZero();
	}

	private static String page(PagePaths pages, String contextPath, String requestUri, @Nullable String query) {
		return pages.page(new RequestedPage(contextPath, requestUri, query));
	}

}
