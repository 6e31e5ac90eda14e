package dev.cxp.visitor;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _mspi} cookie over a real server with the default settings, read from raw headers.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class VisitorCookieServerTests {

	private static final String HTML = "text/html,application/xhtml+xml";

	@LocalServerPort
	int port;

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	@Test
	void newVisitorGetsExactlyOneIdCookieWithTheSpecifiedAttributes() {
		HttpResponse<String> response = http().get("/", "Accept", HTML);
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> cookies = setCookies(response);
		assertThat(cookies).hasSize(1);
		String cookie = cookies.get(0);
		assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*");
		List<String> attributes = List.of(cookie.split("; "));
		assertThat(attributes).contains("Path=/", "Max-Age=31536000", "SameSite=Lax");
		assertThat(attributes).noneMatch((attribute) -> attribute.startsWith("Domain"));
		assertThat(attributes).doesNotContain("Secure", "HttpOnly");
		String id = cookie.substring("_mspi=".length(), cookie.indexOf(';'));
		assertThat(response.body()).contains("visitor " + id);
	}

	@Test
	void newIdsDiffer() {
		String first = setCookies(http().get("/", "Accept", HTML)).get(0);
		String second = setCookies(http().get("/", "Accept", HTML)).get(0);
		assertThat(first.substring(0, 38)).isNotEqualTo(second.substring(0, 38));
	}

	@Test
	void returningVisitorGetsNoNewCookie() {
		String id = "0123456789abcdef0123456789abcdef";
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie", "_mspi=" + id);
		assertThat(setCookies(response)).isEmpty();
		assertThat(response.body()).contains("visitor " + id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AbC.123_x-Y", "x", "MS.1234567890.abcdef", "a-b_c.d" })
	void foreignFormatIdIsKeptAsIs(String id) {
		HttpResponse<String> response = http().get("/about", "Accept", HTML, "Cookie", "_mspi=" + id);
		assertThat(setCookies(response)).isEmpty();
		assertThat(response.body()).contains("visitor " + id + "<");
	}

	@Test
	void longestValidIdIsKept() {
		String id = "a".repeat(128);
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie", "_mspi=" + id);
		assertThat(setCookies(response)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc$def", "a!b", "%2e%2e", "abc/def", "a=b", "{}", "\"quoted\"" })
	void invalidIdIsReplaced(String invalid) {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie", "_mspi=" + invalid);
		List<String> cookies = setCookies(response, "_mspi");
		assertThat(cookies).hasSize(1);
		assertThat(cookies.get(0)).matches("_mspi=[0-9a-f]{32}; .*");
		assertThat(String.join("\n", setCookies(response))).doesNotContain(invalid);
	}

	@Test
	void tooLongIdIsReplaced() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie", "_mspi=" + "a".repeat(129));
		assertThat(setCookies(response, "_mspi")).singleElement().asString().matches("_mspi=[0-9a-f]{32}; .*");
	}

	@Test
	void firstValidOfSeveralIdsIsUsed() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie",
				"_mspi=bad$id; _mspi=first_valid; _mspi=second_valid");
		assertThat(setCookies(response)).isEmpty();
		assertThat(response.body()).contains("visitor first_valid<");
	}

	@Test
	void globalPrivacyControlSetsNoCookie() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Sec-GPC", "1");
		assertThat(setCookies(response)).isEmpty();
		assertThat(response.body()).contains("visitor null");
	}

	@Test
	void globalPrivacyControlErasesAnExistingId() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Sec-GPC", "1", "Cookie", "_mspi=abc123");
		assertThat(setCookies(response)).singleElement().asString().startsWith("_mspi=; ").contains("Max-Age=0", "Path=/");
	}

	@Test
	void deniedCookieErasesTheId() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "Cookie", "cxp_consent=denied; _mspi=abc123");
		assertThat(setCookies(response)).singleElement().asString().startsWith("_mspi=; ").contains("Max-Age=0", "Path=/");
		assertThat(response.body()).contains("visitor null");
	}

	@Test
	void deniedHeaderErasesTheId() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "X-CXP-Consent", "no", "Cookie",
				"_mspi=abc123");
		assertThat(setCookies(response)).singleElement().asString().startsWith("_mspi=; ");
	}

	@Test
	void deniedWithoutIdSetsNothing() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "X-CXP-Consent", "denied");
		assertThat(setCookies(response)).isEmpty();
	}

	@Test
	void grantedHeaderOutranksGpc() {
		HttpResponse<String> response = http().get("/", "Accept", HTML, "X-CXP-Consent", "granted", "Sec-GPC", "1");
		assertThat(setCookies(response, "_mspi")).singleElement().asString().matches("_mspi=[0-9a-f]{32}; .*");
	}

	@Test
	void noSessionCookieEver() {
		List<HttpResponse<String>> responses = List.of(http().get("/", "Accept", HTML),
				http().get("/api/visitor", "Accept", "application/json"),
				http().get("/", "Accept", HTML, "Cookie", "_mspi=abc; cxp_consent=denied"),
				http().get("/missing", "Accept", HTML), http().get("/site.css"));
		for (HttpResponse<String> response : responses) {
			assertThat(setCookies(response)).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
	}

	@Test
	void staticResourcesCarryNoCookie() {
		HttpResponse<String> response = http().get("/site.css", "Accept", "text/css,*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(setCookies(response)).isEmpty();
	}

	@Test
	void notFoundCarriesNoCookie() {
		HttpResponse<String> response = http().get("/missing", "Accept", HTML);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(setCookies(response)).isEmpty();
	}

}
