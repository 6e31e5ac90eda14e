package dev.cxp.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.internal.platform.PlatformConsentPage;
import dev.cxp.internal.platform.PlatformCookieValues;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated values of the four platform cookies, sent as raw bytes to a real server whose page reads them all:
 * any bytes, and real values with edits. Not one answer is a 5xx, junk never grants, no exception is logged
 * and no value comes back in a header or a log line.
 */
@SpringBootTest(classes = { TestSite.class, PlatformConsentPage.Configuration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputPlatformCookieServerTests {

	private static final List<String> NAMES = List.of("OptanonConsent", "CookieConsent", "klaro", "cc_cookie");

	private static final List<String> GRANTS = List.of(PlatformCookieValues.ONETRUST_CHOSEN,
			PlatformCookieValues.COOKIEBOT_EXPLICIT_TCF, PlatformCookieValues.klaro(PlatformCookieValues.ordered("matomo",
					true, "google-ads", true)), PlatformCookieValues.cookieConsent(0, "necessary", "analytics", "ads"));

	@LocalServerPort
	int port;

	@Test
	void anyBytesNeverHurtNorGrant(CapturedOutput output) throws IOException {
		HostileInput input = new HostileInput(HostileInput.SEED + 230);
		List<String> traceable = new ArrayList<>();
		int tries = Math.max(50, HostileInput.TRIES / 2);
		for (int i = 0; i < tries; i++) {
			String value = input.next();
			String name = NAMES.get(i % NAMES.size());
			String replay = HostileInput.replay(i) + " " + name + "=" + HostileInput.describe(value);
			String response = exchange(name + "=" + value + ((i % 5 == 0) ? "; OptanonAlertBoxClosed=" + value : ""));
			assertThat(status(response)).as("status" + replay).isBetween(200, 499);
			assertThat(body(response)).as("granted" + replay).doesNotContain("GRANTED");
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(head(response)).as("headers" + replay).doesNotContain(value);
			}
		}
		assertNothingLogged(output, traceable);
	}

	@Test
	void editedValuesNeverHurt(CapturedOutput output) throws IOException {
		PlatformCookieInput input = new PlatformCookieInput(HostileInput.SEED + 231);
		List<String> traceable = new ArrayList<>();
		int tries = Math.max(50, HostileInput.TRIES / 2);
		for (int i = 0; i < tries; i++) {
			int platform = i % NAMES.size();
			String value = input.edited(GRANTS.get(platform));
			String replay = HostileInput.replay(i) + " " + NAMES.get(platform) + "=" + HostileInput.describe(value);
			String response = exchange(NAMES.get(platform) + "=" + value);
			assertThat(status(response)).as("status" + replay).isBetween(200, 499);
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(head(response)).as("headers" + replay).doesNotContain(value);
			}
		}
		assertNothingLogged(output, traceable);
	}

	private String exchange(String cookie) throws IOException {
		// Raw bytes, except those that would end the header and make another request of the rest
		String header = cookie.replace("\r", "").replace("\n", "");
		String request = "GET " + PlatformConsentPage.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nAccept: application/json\r\nCookie: " + header + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	// Tomcat answers 400 itself to bytes a header may not hold (controls), before any application code runs
	private static int status(String response) {
		String[] statusLine = response.split("\r\n", 2)[0].split(" ");
		return (statusLine.length > 1) ? Integer.parseInt(statusLine[1]) : -1;
	}

	private static String head(String response) {
		return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
	}

	private static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}

	private static void assertNothingLogged(CapturedOutput output, List<String> traceable) {
		assertThat(output.getAll()).as("exception logged" + HostileInput.replay(-1)).doesNotContain("Exception");
		for (String value : traceable) {
			assertThat(output.getAll()).as("value logged" + HostileInput.replay(-1) + " " + HostileInput.describe(value))
				.doesNotContain(value);
		}
	}

}
