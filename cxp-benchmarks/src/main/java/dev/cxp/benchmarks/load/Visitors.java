package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.cxp.support.SecureIdGenerator;

/**
 * Makes returning visitors on a server before it is measured: each has made a first page view, and the
 * cookie it sends from then on is checked to bring no new cookie back.
 */
final class Visitors {

	private static final SecureIdGenerator ids = new SecureIdGenerator();

	private Visitors() {
	}

	static List<String> returning(SampleServer server, int count) throws IOException, InterruptedException {
		boolean issuesId = server.get("/benchmark/home", null)
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.anyMatch((value) -> value.startsWith("_mspi="));
		boolean starterOn = server.variant() == Variant.STARTER || server.variant() == Variant.STARTER_REDIS;
		if (issuesId != starterOn) {
			throw new IllegalStateException(server.variant().label() + ": the starter is not in the expected state");
		}
		List<String> cookies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String cookie = firstVisit(server);
			HttpResponse<String> second = server.get("/benchmark/about", cookie);
			if (second.statusCode() != 200 || second.headers().firstValue("Set-Cookie").isPresent()) {
				throw new IllegalStateException(server.variant().label() + ": a returning visitor got "
						+ second.statusCode() + " " + second.headers().allValues("Set-Cookie"));
			}
			cookies.add(cookie);
		}
		return cookies;
	}

	private static String firstVisit(SampleServer server) throws IOException, InterruptedException {
		if (server.variant() != Variant.SPRING_SESSION) {
			String cookie = "_mspi=" + ids.visitorId();
			server.get("/benchmark/home", cookie);
			return cookie;
		}
		HttpResponse<String> first = server.get("/benchmark/home", null);
		String setCookie = first.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("spring-session: no SESSION cookie was issued"));
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

}
