package dev.cxp.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON example in the docs is the answer of a real request: each {@code ```json} block is marked with the
 * request that answers it ({@code <!-- response: GET /cxp/consent -->}, a JSON body after the path where the
 * request has one), and the test makes that request to the test site on a real server and compares the keys of the
 * example with the keys of the answer, recursively (object members; arrays by their first element). The examples
 * show a visitor who granted consent and viewed a page, on a site asking about {@code analytics} and {@code ads},
 * with the consent ledger on.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.purposes=analytics,ads",
				"management.endpoints.web.exposure.include=cxp" })
class DocsJsonExamplesTests {

	private static final Pattern REQUEST = Pattern.compile("response: (GET|PUT|DELETE) (/\\S+)(?: (\\{.*}))?");

	/** The answers the docs must show an example of, at least once each. */
	private static final List<String> REQUIRED = List.of("GET /cxp/consent", "PUT /cxp/consent",
			"DELETE /cxp/consent", "GET /cxp/visitor", "GET /cxp/consent/receipt", "GET /actuator/cxp");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void everyJsonBlockIsMarkedWithTheRequestThatAnswersIt() {
		List<String> unmarked = Docs.allBlocks()
			.stream()
			.filter((block) -> block.language().equals("json"))
			.filter((block) -> block.marker() == null || !REQUEST.matcher(block.marker()).matches())
			.map(Docs.Block::where)
			.toList();
		assertThat(unmarked).as("json blocks without a <!-- response: METHOD /path [body] --> line before them")
			.isEmpty();
	}

	@Test
	void everyEndpointHasAnExample() {
		Set<String> shown = new TreeSet<>();
		examples().forEach((block) -> {
			Matcher request = REQUEST.matcher(block.marker());
			if (request.matches()) {
				shown.add(request.group(1) + " " + request.group(2));
			}
		});
		assertThat(shown).containsAll(REQUIRED);
	}

	@Test
	void everyExampleHasTheKeysOfTheRealAnswer() {
		Map<String, String> mismatches = new LinkedHashMap<>();
		for (Docs.Block block : examples()) {
			Matcher request = REQUEST.matcher(block.marker());
			if (!request.matches()) {
				continue;
			}
			HttpResponse<String> answer = new Visitor().consentedWithSession()
				.send(request.group(1), request.group(2), request.group(3));
			Set<String> shown = keys(json.readTree(block.code()));
			Set<String> real = answer.headers().firstValue("Content-Type").orElse("").contains("json")
					? keys(json.readTree(answer.body())) : Set.of("(not JSON: " + answer.statusCode() + ")");
			if (!shown.equals(real)) {
				Set<String> missing = new TreeSet<>(real);
				missing.removeAll(shown);
				Set<String> extra = new TreeSet<>(shown);
				extra.removeAll(real);
				mismatches.put(block.where() + " (" + block.marker() + ")",
						"keys missing from the example: " + missing + "; keys the answer does not have: " + extra
								+ "; real answer: " + answer.body());
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void keysAreComparedRecursivelyWithArraysByTheirFirstElement() {
		assertThat(keys(json.readTree("{\"a\":{\"b\":1},\"c\":[{\"d\":1},{\"e\":2}],\"f\":null}")))
			.containsExactly("a", "a.b", "c", "c.[].d", "f");
	}

	private static List<Docs.Block> examples() {
		return Docs.allBlocks()
			.stream()
			.filter((block) -> block.language().equals("json") && block.marker() != null)
			.toList();
	}

	/**
	 * The paths of every key of a JSON value: {@code purposes.analytics}, {@code session.id}; an array's elements
	 * are described by its first one, as {@code []}.
	 */
	static Set<String> keys(JsonNode node) {
		Set<String> keys = new TreeSet<>();
		collect(node, "", keys);
		return keys;
	}

	private static void collect(JsonNode node, String path, Set<String> keys) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				String key = path + member.getKey();
				keys.add(key);
				collect(member.getValue(), key + ".", keys);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			collect(node.get(0), path + "[].", keys);
		}
	}

	/**
	 * A browser of one visitor, keeping the cookies the site sets, making requests as the site's own pages do.
	 */
	private final class Visitor {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		Visitor consentedWithSession() {
			send("PUT", "/cxp/consent", "{\"consent\":\"granted\"}");
			send("GET", "/", null);
			return this;
		}

		HttpResponse<String> send(String method, String path, String body) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + DocsJsonExamplesTests.this.port + path))
				.header("Sec-Fetch-Site", "same-origin")
				.header("Accept", path.equals("/") ? "text/html" : "application/json");
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.toList()));
			}
			if (body != null) {
				request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
			}
			else {
				request.method(method, BodyPublishers.noBody());
			}
			try {
				HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				response.headers().allValues("Set-Cookie").forEach(this::keep);
				return response;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void keep(String setCookie) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals);
			if (setCookie.contains("Max-Age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, pair.substring(equals + 1));
			}
		}

	}

}
