package dev.cxp.internal.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.testsite.TestSite;

import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT_TCF;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_ALERT_BOX_CLOSED;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_CHOSEN;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_DEFAULTS;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_UNESCAPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platforms' cookies as a browser sends them, through a real server's cookie parsing: every value reaches
 * the readers whole, quotes, braces, escapes and all, and reads as it does unit-tested. A value with bytes that
 * are not cookie octets (a comma, a double quote) does not reach them on Tomcat, which ignores the cookie.
 */
@SpringBootTest(classes = { TestSite.class, PlatformConsentPage.Configuration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class PlatformCookiesServerTests {

	private static final JsonMapper json = new JsonMapper();

	@LocalServerPort
	int port;

	@Autowired
	PlatformConsentPage page;

	@Test
	void everyPlatformsCookieReadsAsItWasWritten() throws IOException {
		// The application context, and so its readers' counts, may be shared with other test classes
		Map<String, Long> before = this.page.invalidValues();
		JsonNode answers = read("OptanonConsent=" + ONETRUST_CHOSEN + "; CookieConsent=" + COOKIEBOT_EXPLICIT_TCF
				+ "; klaro=" + PlatformCookieValues.klaro(PlatformCookieValues.ordered("matomo", true, "google-ads", false))
				+ "; cc_cookie=" + PlatformCookieValues.cookieConsent(0, "necessary", "analytics"));
		assertThat(states(answers, "onetrust")).containsExactly(Map.entry("analytics", "DENIED"),
				Map.entry("ads", "GRANTED"));
		assertThat(states(answers, "cookiebot")).containsExactly(Map.entry("analytics", "GRANTED"),
				Map.entry("ads", "GRANTED"));
		assertThat(states(answers, "klaro")).containsExactly(Map.entry("analytics", "GRANTED"),
				Map.entry("ads", "DENIED"));
		assertThat(states(answers, "cookieconsent")).containsExactly(Map.entry("analytics", "GRANTED"),
				Map.entry("ads", "DENIED"));
		assertThat(this.page.invalidValues()).containsOnlyKeys("onetrust", "cookiebot", "klaro", "cookieconsent")
			.isEqualTo(before);
	}

	@Test
	void oneTrustsBannerClosedCookieArrivesBesideItsDefaults() throws IOException {
		assertThat(states(read("OptanonConsent=" + ONETRUST_DEFAULTS), "onetrust")).isEmpty();
		assertThat(states(read("OptanonConsent=" + ONETRUST_DEFAULTS + "; OptanonAlertBoxClosed="
				+ ONETRUST_ALERT_BOX_CLOSED), "onetrust"))
			.containsExactly(Map.entry("analytics", "GRANTED"), Map.entry("ads", "GRANTED"));
	}

	@Test
	void aValueWithUnescapedCommasNeverReachesTheReader() throws IOException {
		// Commas are not cookie octets (RFC 6265): Tomcat ignores such a cookie whole, so nothing is read or counted
		Map<String, Long> before = this.page.invalidValues();
		assertThat(states(read("OptanonConsent=" + ONETRUST_UNESCAPED), "onetrust")).isEmpty();
		assertThat(states(read("klaro={\"matomo\":true}"), "klaro")).isEmpty();
		assertThat(this.page.invalidValues()).isEqualTo(before);
		assertThat(states(read("OptanonConsent=" + ONETRUST_UNESCAPED.replace(",", "%2C")), "onetrust"))
			.containsExactly(Map.entry("analytics", "DENIED"), Map.entry("ads", "GRANTED"));
	}

	@Test
	void copiesSentForSeveralDomainsCombineWithTheDenialWinning() throws IOException {
		String accepted = COOKIEBOT_EXPLICIT.replace("marketing:false", "marketing:true");
		assertThat(states(read("CookieConsent=" + accepted + "; CookieConsent=" + COOKIEBOT_EXPLICIT), "cookiebot"))
			.containsExactly(Map.entry("analytics", "GRANTED"), Map.entry("ads", "DENIED"));
	}

	private JsonNode read(String cookieHeader) throws IOException {
		String request = "GET " + PlatformConsentPage.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nAccept: application/json\r\nCookie: " + cookieHeader + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 200");
			return json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
		}
	}

	private static Map<String, String> states(JsonNode answers, String platform) {
		return json.convertValue(answers.get(platform), json.getTypeFactory().constructMapType(Map.class, String.class,
				String.class));
	}

}
