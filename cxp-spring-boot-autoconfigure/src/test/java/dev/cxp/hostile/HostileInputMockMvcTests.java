package dev.cxp.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import dev.cxp.testsite.TestSite;
import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Generated hostile cookies, headers and URLs through the whole request path, in MockMvc where any bytes
 * reach the starter unfiltered. Consent is required, so that no junk may ever grant it.
 */
@SpringBootTest(classes = TestSite.class, properties = { "cxp.consent.required=true",
		"management.endpoints.web.exposure.include=health" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputMockMvcTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@EnumSource(InputTarget.class)
	void hostileValuesNeverHurt(InputTarget target, CapturedOutput output) throws Exception {
		HostileInput input = new HostileInput(HostileInput.SEED + target.ordinal());
		List<String> traceable = new ArrayList<>();
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.next();
			String replay = HostileInput.replay(i) + " " + target + "=" + HostileInput.describe(value);
			MvcResult result = this.mvc.perform(request(target, value)).andReturn();
			MockHttpServletResponse response = result.getResponse();
			assertThat(response.getStatus()).as("status" + replay).isLessThan(500);
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(headerValues(response)).as("headers" + replay).noneMatch((header) -> header.contains(value));
			}
			if (target == InputTarget.CONSENT_COOKIE || target == InputTarget.CONSENT_HEADER) {
				CxpVisitor visitor = (CxpVisitor) result.getRequest().getAttribute(CxpVisitor.ATTRIBUTE);
				boolean grants = HostileInput.grantsTracking(value);
				assertThat(visitor.consentEffective()).as("consent" + replay).isEqualTo(grants);
				if (!grants) {
					assertThat(response.getHeaders("Set-Cookie")).as("cookies" + replay)
						.noneMatch((cookie) -> cookie.startsWith("_mspi=") && !cookie.startsWith("_mspi=;"));
				}
			}
		}
		LogLines.assertNoInputLogged(output, traceable, HostileInput.replay(-1));
	}

	/**
	 * Where a hostile value is put in a consent write.
	 */
	public enum EndpointInput {

		ORIGIN, FETCH_SITE, BODY, CONTENT_TYPE

	}

	@ParameterizedTest
	@EnumSource(EndpointInput.class)
	void hostileConsentWritesNeverHurt(EndpointInput target, CapturedOutput output) throws Exception {
		HostileInput input = new HostileInput(HostileInput.SEED + 50 + target.ordinal());
		List<String> traceable = new ArrayList<>();
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.next();
			String replay = HostileInput.replay(i) + " " + target + "=" + HostileInput.describe(value);
			MockHttpServletRequestBuilder request = put("/cxp/consent").contentType("application/json")
				.content("{\"consent\":\"granted\"}");
			switch (target) {
				case ORIGIN -> request.header("Origin", value);
				case FETCH_SITE -> request.header("Sec-Fetch-Site", value);
				case BODY -> request.content(value.getBytes(StandardCharsets.ISO_8859_1));
				case CONTENT_TYPE -> {
					// The mock request parses its content type; a server hands it over raw (see the server test).
					if (!isParseable(value)) {
						continue;
					}
					request.header("Content-Type", value);
				}
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).as("status" + replay).isIn(200, 400, 403, 415);
			if (HostileInput.isTraceable(value)) {
				traceable.add(value);
				assertThat(headerValues(response)).as("headers" + replay).noneMatch((header) -> header.contains(value));
				assertThat(response.getContentAsString()).as("body" + replay).doesNotContain(value);
			}
			if (response.getStatus() == 200) {
				String trimmed = value.strip();
				boolean ownPage = switch (target) {
					case ORIGIN -> trimmed.equalsIgnoreCase("http://localhost")
							|| trimmed.equalsIgnoreCase("http://localhost:80");
					case FETCH_SITE -> trimmed.equalsIgnoreCase("same-origin") || trimmed.equalsIgnoreCase("none");
					default -> true;
				};
				assertThat(ownPage).as("accepted a foreign write" + replay).isTrue();
			}
			else {
				assertThat(response.getHeaders("Set-Cookie")).as("cookies" + replay).isEmpty();
			}
		}
		LogLines.assertNoInputLogged(output, traceable, HostileInput.replay(-1));
	}

	private static boolean isParseable(String contentType) {
		try {
			MediaType.parseMediaType(contentType);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static MockHttpServletRequestBuilder request(InputTarget target, String value) {
		MockHttpServletRequestBuilder request = get("/").accept("text/html");
		if (target == InputTarget.URL) {
			// A container rejects malformed escapes before any application code runs: send what it lets through.
			return request.with((raw) -> {
				raw.setRequestURI("/" + UriUtils.encodePath(value, StandardCharsets.ISO_8859_1));
				raw.setQueryString(UriUtils.encodeQuery(value, StandardCharsets.ISO_8859_1));
				return raw;
			});
		}
		return target.cookie ? request.cookie(new Cookie(target.name, value)) : request.header(target.name, value);
	}

	private static List<String> headerValues(MockHttpServletResponse response) {
		List<String> values = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			Collection<String> headerValues = response.getHeaders(name);
			values.addAll(headerValues);
		}
		return values;
	}

}
