package dev.cxp.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated values of the TC and GPP string cookies, sent as raw bytes to a real server that reads both:
 * random base64url text, truncated real strings, real strings with flipped bits, and any bytes. Not one
 * answer is a 5xx, no exception is logged, and no value comes back in a header or a log line.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.ads=1,2,3,4",
				"cxp.consent.gpp.enabled=true", "cxp.consent.gpp.opt-out-denies=ads" })
@ExtendWith(OutputCaptureExtension.class)
class HostileInputConsentStringServerTests {

	@LocalServerPort
	int port;

	/**
	 * How a value is made.
	 */
	enum Kind {

		BASE64URL, TRUNCATED, FLIPPED, ANY_BYTES

	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void generatedStringsNeverHurt(Kind kind, CapturedOutput output) throws IOException {
		ConsentStringInput strings = new ConsentStringInput(HostileInput.SEED + 200 + kind.ordinal());
		HostileInput bytes = new HostileInput(HostileInput.SEED + 210 + kind.ordinal());
		Supplier<String> values = switch (kind) {
			case BASE64URL -> strings::base64Url;
			case TRUNCATED -> strings::truncated;
			case FLIPPED -> strings::flipped;
			case ANY_BYTES -> bytes::next;
		};
		List<String> traceable = new ArrayList<>();
		int tries = Math.max(50, HostileInput.TRIES / 2);
		for (int i = 0; i < tries; i++) {
			String value = values.get();
			String cookie = switch (i % 3) {
				case 0 -> "euconsent-v2=" + value;
				case 1 -> "__gpp=" + value + "; __gpp_sid=" + strings.sid();
				default -> "euconsent-v2=" + value + "; __gpp=" + value;
			};
			String path = (i % 2 == 0) ? "/cxp/consent" : "/";
			String replay = HostileInput.replay(i) + " " + kind + " cookie=" + HostileInput.describe(cookie);
			String response = exchange(path, cookie);
			int status = status(response);
			assertThat(status).as("status" + replay).isBetween(200, 499);
			String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(head).as("headers" + replay).doesNotContain(value);
			}
		}
		assertThat(output.getAll()).as("exception logged" + HostileInput.replay(-1)).doesNotContain("Exception");
		for (String value : traceable) {
			assertThat(output.getAll()).as("value logged" + HostileInput.replay(-1) + " " + HostileInput.describe(value))
				.doesNotContain(value);
		}
	}

	private String exchange(String path, String cookie) throws IOException {
		// Raw bytes, except those that would end the header and make another request of the rest
		String header = cookie.replace("\r", "").replace("\n", "");
		String accept = path.equals("/") ? "text/html" : "application/json";
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: " + accept
				+ "\r\nCookie: " + header + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static int status(String response) {
		String[] statusLine = response.split("\r\n", 2)[0].split(" ");
		return (statusLine.length > 1) ? Integer.parseInt(statusLine[1]) : -1;
	}

}
