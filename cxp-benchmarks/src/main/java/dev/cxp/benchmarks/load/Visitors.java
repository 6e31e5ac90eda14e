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
		List<String> pages = server.variant().shape().pages();
		boolean issuesId = server.get(pages.get(0), null)
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.anyMatch((value) -> value.startsWith("_mspi="));
		if (issuesId != server.variant().role().starterOn()) {
			throw new IllegalStateException(server.variant().label() + ": the starter is not in the expected state");
		}
		List<String> cookies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String cookie = firstVisit(server, pages.get(0));
			HttpResponse<String> second = server.get(pages.get(1), cookie);
			if (second.statusCode() != 200 || second.headers().firstValue("Set-Cookie").isPresent()) {
				throw new IllegalStateException(server.variant().label() + ": a returning visitor got "
						+ second.statusCode() + " " + second.headers().allValues("Set-Cookie"));
			}
			cookies.add(cookie);
		}
		return cookies;
	}

	private static String firstVisit(SampleServer server, String page) throws IOException, InterruptedException {
		String issued = server.variant().role().issuedCookie();
		if (issued == null) {
			String cookie = "_mspi=" + ids.visitorId();
			server.get(page, cookie);
			return cookie;
		}
		HttpResponse<String> first = server.get(page, null);
		String setCookie = first.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(issued + "="))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					server.variant().label() + ": no " + issued + " cookie was issued"));
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

}
