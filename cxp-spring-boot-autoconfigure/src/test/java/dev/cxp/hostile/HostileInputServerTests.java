package dev.cxp.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile cookies, headers and URLs sent as raw bytes to a real server: whatever the server lets
 * through reaches the starter, whatever it rejects must still not be a 5xx.
 */
@SpringBootTest(classes = { TestSite.class, HostileInputServerTests.FailureRecording.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cxp.consent.required=true")
@ExtendWith(OutputCaptureExtension.class)
class HostileInputServerTests {

	@LocalServerPort
	int port;

	@Autowired
	AtomicReference<Throwable> failures;

	@ParameterizedTest
	@EnumSource(InputTarget.class)
	void hostileValuesNeverHurt(InputTarget target, CapturedOutput output) throws IOException {
		HostileInput input = new HostileInput(HostileInput.SEED + 100 + target.ordinal());
		List<String> traceable = new ArrayList<>();
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.next();
			String replay = HostileInput.replay(i) + " " + target + "=" + HostileInput.describe(value);
			RawResponse response = send(target, value);
			assertNotTheStartersError(response, replay);
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(response.headers()).as("headers" + replay).doesNotContain(value);
			}
			if (target == InputTarget.CONSENT_COOKIE && !HostileInput.grantsTracking(cookieAsParsedByHttp(value))) {
				assertThat(response.headers()).as("cookies" + replay).doesNotContainPattern("(?i)set-cookie: _mspi=[^;]");
			}
		}
		LogLines.assertNoInputLogged(output, traceable, HostileInput.replay(-1));
	}

	@ParameterizedTest
	@EnumSource(HostileInputMockMvcTests.EndpointInput.class)
	void hostileConsentWritesNeverHurt(HostileInputMockMvcTests.EndpointInput target, CapturedOutput output)
			throws IOException {
		HostileInput input = new HostileInput(HostileInput.SEED + 150 + target.ordinal());
		List<String> traceable = new ArrayList<>();
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.next();
			String replay = HostileInput.replay(i) + " " + target + "=" + HostileInput.describe(value);
			String header = value.replace("\r", "").replace("\n", "");
			String contentType = (target == HostileInputMockMvcTests.EndpointInput.CONTENT_TYPE) ? header
					: "application/json";
			String body = (target == HostileInputMockMvcTests.EndpointInput.BODY) ? value : "{\"consent\":\"granted\"}";
			StringBuilder request = new StringBuilder("PUT /cxp/consent HTTP/1.1\r\n");
			request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
			request.append("Content-Type: ").append(contentType).append("\r\n");
			switch (target) {
				case ORIGIN -> request.append("Origin: ").append(header).append("\r\n");
				case FETCH_SITE -> request.append("Sec-Fetch-Site: ").append(header).append("\r\n");
				default -> {
				}
			}
			request.append("Content-Length: ").append(body.length()).append("\r\n");
			request.append("Connection: close\r\n\r\n").append(body);
			RawResponse response = exchange(request.toString());
			assertNotTheStartersError(response, replay);
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(response.headers()).as("headers" + replay).doesNotContain(header);
			}
			if (response.status() != 200) {
				assertThat(response.headers()).as("cookies" + replay).doesNotContainIgnoringCase("set-cookie");
			}
		}
		LogLines.assertNoInputLogged(output, traceable, HostileInput.replay(-1));
	}

	/**
	 * A 5xx is a failure unless the framework answered it before any of the starter's code ran: the exception
	 * that the outermost filter saw holds no frame of the starter. Such rejections are printed.
	 */
	private void assertNotTheStartersError(RawResponse response, String replay) {
		if (response.status() >= 200 && response.status() < 500) {
			return;
		}
		Throwable failure = this.failures.getAndSet(null);
		assertThat(failure).as("status " + response.status() + " without an exception" + replay).isNotNull();
		assertThat(starterFrames(failure)).as("status " + response.status() + " from the starter" + replay).isEmpty();
		System.out.println("Framework rejection (not the starter) of" + replay + ": " + failure);
	}

	private static List<StackTraceElement> starterFrames(Throwable failure) {
		List<StackTraceElement> frames = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (StackTraceElement frame : cause.getStackTrace()) {
				if (frame.getClassName().startsWith("dev.cxp.") && !frame.getClassName().startsWith("dev.cxp.hostile.")) {
					frames.add(frame);
				}
			}
		}
		return frames;
	}

	/**
	 * A cookie value as HTTP hands it over: up to the next cookie or the end of the line, without surrounding
	 * white space or quotes.
	 */
	private static String cookieAsParsedByHttp(String value) {
		int end = -1;
		for (int i = 0; i < value.length() && end < 0; i++) {
			end = (";\r\n".indexOf(value.charAt(i)) >= 0) ? i : -1;
		}
		String trimmed = ((end >= 0) ? value.substring(0, end) : value).replaceAll("^[ \t]+|[ \t]+$", "");
		return (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\""))
				? trimmed.substring(1, trimmed.length() - 1) : trimmed;
	}

	private RawResponse send(InputTarget target, String value) throws IOException {
		StringBuilder request = new StringBuilder();
		// Raw bytes, except those that would end the request line and make another request of the rest.
		String url = value.replace("\r", "%0D").replace("\n", "%0A").replace(" ", "%20");
		String path = (target == InputTarget.URL) ? "/" + url + "?" + url : "/";
		request.append("GET ").append(path).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		request.append("Accept: text/html\r\n");
		if (target.cookie) {
			request.append("Cookie: ").append(target.name).append('=').append(value).append("\r\n");
		}
		else if (target != InputTarget.URL) {
			request.append(target.name).append(": ").append(value).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return exchange(request.toString());
	}

	private RawResponse exchange(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return RawResponse.read(socket.getInputStream());
		}
	}

	record RawResponse(int status, String headers) {

		static RawResponse read(InputStream in) throws IOException {
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = response.indexOf("\r\n\r\n");
			String head = (end >= 0) ? response.substring(0, end) : response;
			String[] statusLine = head.split("\r\n", 2)[0].split(" ");
			int status = (statusLine.length > 1) ? Integer.parseInt(statusLine[1]) : -1;
			int firstLineEnd = head.indexOf("\r\n");
			return new RawResponse(status, (firstLineEnd >= 0) ? head.substring(firstLineEnd + 2) : "");
		}

	}

	/**
	 * Records the exception of a request that failed, as the outermost filter sees it, so that a 5xx can
	 * be traced to where it came from without reading logs.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailureRecording {

		@Bean
		AtomicReference<Throwable> failures() {
			return new AtomicReference<>();
		}

		@Bean
		FilterRegistrationBean<Filter> failureRecordingFilter(AtomicReference<Throwable> failures) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException | RuntimeException ex) {
					failures.set(ex);
					throw ex;
				}
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
