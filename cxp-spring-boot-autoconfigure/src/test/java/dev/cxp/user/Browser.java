package dev.cxp.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser against a real server: its own cookie jar, navigations that send what a browser sends, form login,
 * and consent changes that carry the CSRF token of the last page, as the starter's script does.
 */
final class Browser {

	private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private @Nullable String csrfToken;

	Browser(int port) {
		this.port = port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	void signIn(String user, String password) {
		String loginPage = send(request("/login").GET()).body();
		Matcher token = LOGIN_TOKEN.matcher(loginPage);
		assertThat(token.find()).as("the login page's CSRF token").isTrue();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
		HttpResponse<String> login = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
	}

	void signOut() {
		page("/");
		HttpResponse<String> logout = send(request("/logout").header("X-CSRF-TOKEN", this.csrfToken)
			.POST(BodyPublishers.noBody()));
		assertThat(logout.statusCode()).isIn(204, 302);
	}

	HttpResponse<String> page(String path) {
		HttpResponse<String> page = send(request(path).header("Accept", "text/html").header("Sec-Fetch-Dest", "document")
			.header("Sec-Fetch-Mode", "navigate").GET());
		Matcher token = META_TOKEN.matcher(page.body());
		if (token.find()) {
			this.csrfToken = token.group(1);
		}
		return page;
	}

	HttpResponse<String> consent(String method, String body) {
		HttpRequest.Builder builder = request("/cxp/consent").header("Sec-Fetch-Site", "same-origin")
			.header("Content-Type", "application/json")
			.method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (this.csrfToken != null) {
			builder.header("X-CSRF-TOKEN", this.csrfToken);
		}
		return send(builder);
	}

	@Nullable String cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue).findFirst().orElse(null);
	}

	static List<String> setCookies(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter((value) -> value.startsWith(name + "="))
			.toList();
	}

	static HttpResponse<String> actuator(String method, int port, String path, @Nullable String user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, BodyPublishers.noBody());
		if (user != null) {
			builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
		}
		return new Browser(port).send(builder);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return this.client.send(builder.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
