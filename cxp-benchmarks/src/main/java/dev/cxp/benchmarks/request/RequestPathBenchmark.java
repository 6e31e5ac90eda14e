package dev.cxp.benchmarks.request;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.cxp.benchmarks.cmp.ConsentStringBenchmark;
import dev.cxp.benchmarks.platform.PlatformCookieBenchmark;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.VisitorIdentityInterceptor;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter's full request path (consent resolver and policy, interceptor, cookies, session tracker,
 * in-memory store, page-view event, meters) for the four kinds of visitor that matter, from
 * {@code VisitorIdentityInterceptor.preHandle}. Each request and response is reused across invocations
 * (the visitor attribute removed, the headers the starter wrote forgotten), its request path is
 * parsed up front as the {@code DispatcherServlet} does, and headers are looked up as a server does (see
 * {@link ServerLikeRequest}), so the figure is the starter's cost. Run with
 * {@code -prof gc} for the allocation per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class RequestPathBenchmark {

	/**
	 * A consenting visitor (consent not required, none given) who has an id cookie and a live session.
	 * @param starter the starter with default settings
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed, so the work is not eliminated
	 */
	@Benchmark
	public Object returningVisitor(DefaultStarter starter, ReturningVisitor visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * A returning visitor who granted consent through the endpoint, under {@code cxp.consent.required=true}:
	 * the consent cookie is read on every request.
	 * @param starter the starter that requires consent
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorWithGrant(RequiredConsentStarter starter, ReturningVisitorWithGrant visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * As {@link #returningVisitorWithGrant}, with a signed consent cookie: its signature is verified on every
	 * request.
	 * @param starter the starter that requires consent and signs the consent cookie
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorWithSignedGrant(SigningStarter starter, ReturningVisitorWithSignedGrant visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * Returning visitors in turn, {@value ManyReturningVisitors#COUNT} of them, each with an id cookie and a
	 * live session: the store's entries no longer fit in the processor's caches, as on a site with many
	 * visitors, so the figure includes the memory reads that finding each visitor's session costs.
	 * @param starter the starter with default settings
	 * @param visitors the visitors' request, which carries the next visitor's cookie each time
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object manyReturningVisitors(DefaultStarter starter, ManyReturningVisitors visitors) {
		visitors.request.nextVisitor();
		return run(starter, visitors.request, visitors.response, false);
	}

	/**
	 * A returning visitor on a site with three purposes, a policy revision and regional settings: an id
	 * cookie, a live session, a consent cookie that states each purpose, and the edge's country and
	 * subdivision headers.
	 * @param starter the starter with purposes, a revision and regions
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorPurposesAndRegions(PurposesAndRegionsStarter starter,
			ReturningVisitorWithPurposes visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * A returning visitor on a site that reads the TC string of its consent management platform (SPEC S11.5:
	 * under 2 µs): an id cookie, a live session and an {@code euconsent-v2} cookie that grants every purpose,
	 * decoded on the visitor's first request and taken from the cache after that.
	 * @param starter the starter with {@code cxp.consent.tcf.enabled=true}
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorWithTcString(TcfStarter starter, ReturningVisitorWithTcString visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * A returning visitor on a site that reads OneTrust's cookie (SPEC S14: under 1 µs): an id cookie, a live
	 * session and an {@code OptanonConsent} cookie that accepts the performance group, read on the visitor's first
	 * request and taken from the reader's cache after that.
	 * @param starter the starter with {@code cxp.consent.cmp.onetrust.enabled=true}
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorWithOneTrustCookie(OneTrustStarter starter,
			ReturningVisitorWithOneTrustCookie visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * As {@link #returningVisitorWithOneTrustCookie}, with Cookiebot's {@code CookieConsent} cookie that accepts
	 * statistics.
	 * @param starter the starter with {@code cxp.consent.cmp.cookiebot.enabled=true}
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object returningVisitorWithCookiebotCookie(CookiebotStarter starter,
			ReturningVisitorWithCookiebotCookie visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	/**
	 * A first visit: a new id cookie and a new session each time (the store full of such visitors evicts).
	 * @param starter the starter with default settings
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object newVisitor(DefaultStarter starter, NewVisitor visitor) {
		return run(starter, visitor.request, visitor.response, true);
	}

	/**
	 * A visitor whose consent cookie says no and who still carries an id cookie: the response deletes it
	 * and the session is removed.
	 * @param starter the starter with default settings
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object decliningVisitor(DefaultStarter starter, DecliningVisitor visitor) {
		return run(starter, visitor.request, visitor.response, true);
	}

	/**
	 * A visitor who made no choice, with consent required: nothing is stored or written.
	 * @param starter the starter with {@code cxp.consent.required=true}
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed
	 */
	@Benchmark
	public Object undecidedVisitorConsentRequired(RequiredConsentStarter starter, UndecidedVisitor visitor) {
		return run(starter, visitor.request, visitor.response, false);
	}

	private static Object run(DefaultStarter starter, MockHttpServletRequest request, RecordingResponse response,
			boolean resetResponse) {
		request.removeAttribute(CxpVisitor.ATTRIBUTE);
		if (resetResponse) {
			response.clear();
		}
		starter.interceptor.preHandle(request, response, starter.handler);
		Object visitor = request.getAttribute(CxpVisitor.ATTRIBUTE);
		if (visitor == null) {
			throw new IllegalStateException("The request was not processed");
		}
		return visitor;
	}

	static MockHttpServletRequest pageView(String path, Cookie... cookies) {
		MockHttpServletRequest request = new ServerLikeRequest("GET", path);
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return navigation(request);
	}

	/**
	 * Make a request a browser's navigation to a page: its headers, and its path parsed up front as the
	 * {@code DispatcherServlet} does.
	 */
	private static <R extends MockHttpServletRequest> R navigation(R request) {
		request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		request.addHeader("Sec-Fetch-Dest", "document");
		request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	/**
	 * The starter with its default settings.
	 */
	@State(Scope.Benchmark)
	public static class DefaultStarter {

		StarterContext context;

		VisitorIdentityInterceptor interceptor;

		HandlerMethod handler;

		/**
		 * Start the context.
		 */
		@Setup(Level.Trial)
		public void start() {
			this.context = StarterContext.start(properties());
			this.interceptor = this.context.interceptor();
			this.handler = this.context.handler();
		}

		String[] properties() {
			return new String[0];
		}

		/**
		 * Close the context.
		 */
		@TearDown(Level.Trial)
		public void close() {
			this.context.close();
		}

	}

	/**
	 * The starter with {@code cxp.consent.required=true}.
	 */
	@State(Scope.Benchmark)
	public static class RequiredConsentStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.required=true" };
		}

	}

	/**
	 * The starter with {@code cxp.consent.required=true} and a signed consent cookie.
	 */
	@State(Scope.Benchmark)
	public static class SigningStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.required=true",
					"cxp.consent.signing.keys=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" };
		}

	}

	/**
	 * The starter with three purposes, a policy revision and regional settings for the EEA and California.
	 */
	@State(Scope.Benchmark)
	public static class PurposesAndRegionsStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.purposes=analytics,ads,personalization", "cxp.consent.revision=2",
					"cxp.consent.region.header=CloudFront-Viewer-Country",
					"cxp.consent.region.subdivision-header=CloudFront-Viewer-Country-Region",
					"cxp.consent.regions.EEA.required=true", "cxp.consent.regions.GB.required=true",
					"cxp.consent.regions[US-CA].honor-global-privacy-control=true" };
		}

	}

	/**
	 * The starter reading the TC string of a consent management platform, with its default mapping.
	 */
	@State(Scope.Benchmark)
	public static class TcfStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.tcf.enabled=true" };
		}

	}

	/**
	 * The starter reading OneTrust's cookie with the default mapping.
	 */
	@State(Scope.Benchmark)
	public static class OneTrustStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.cmp.onetrust.enabled=true" };
		}

	}

	/**
	 * The starter reading Cookiebot's cookie with the default mapping.
	 */
	@State(Scope.Benchmark)
	public static class CookiebotStarter extends DefaultStarter {

		@Override
		String[] properties() {
			return new String[] { "cxp.consent.cmp.cookiebot.enabled=true" };
		}

	}

	/**
	 * A request and its response, reused across invocations.
	 */
	public abstract static class Visit {

		MockHttpServletRequest request;

		final RecordingResponse response = new RecordingResponse();

	}

	/**
	 * A returning visitor: an id cookie, a live session started before the measurement.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitor extends Visit {

		/**
		 * Prepare the request and start the visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(DefaultStarter starter) {
			String visitorId = new SecureIdGenerator().visitorId();
			this.request = pageView("/about", new Cookie("_mspi", visitorId));
			run(starter, this.request, this.response, false);
			if (!this.response.headers().isEmpty()) {
				throw new IllegalStateException("A returning visitor must not be sent a cookie");
			}
		}

	}

	/**
	 * Many returning visitors, one request that carries each visitor's id cookie in turn.
	 */
	@State(Scope.Thread)
	public static class ManyReturningVisitors {

		/**
		 * How many visitors take turns: half of the store's default bound, about 15 MB of sessions.
		 */
		static final int COUNT = 50_000;

		TakingTurnsRequest request;

		final RecordingResponse response = new RecordingResponse();

		/**
		 * Prepare the request and start every visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(DefaultStarter starter) {
			SecureIdGenerator ids = new SecureIdGenerator();
			Cookie[][] cookies = new Cookie[COUNT][];
			for (int i = 0; i < COUNT; i++) {
				cookies[i] = new Cookie[] { new Cookie("_mspi", ids.visitorId()) };
			}
			this.request = navigation(new TakingTurnsRequest(cookies));
			for (int i = 0; i < COUNT; i++) {
				this.request.nextVisitor();
				run(starter, this.request, this.response, false);
			}
			if (!this.response.headers().isEmpty()) {
				throw new IllegalStateException("A returning visitor must not be sent a cookie");
			}
		}

	}

	/**
	 * A page view whose cookies are those of one visitor after the other.
	 */
	static final class TakingTurnsRequest extends ServerLikeRequest {

		private final Cookie[][] cookies;

		private int visitor = -1;

		TakingTurnsRequest(Cookie[][] cookies) {
			super("GET", "/about");
			this.cookies = cookies;
		}

		void nextVisitor() {
			this.visitor = (this.visitor + 1 < this.cookies.length) ? this.visitor + 1 : 0;
		}

		@Override
		public Cookie[] getCookies() {
			return this.cookies[this.visitor];
		}

	}

	/**
	 * A returning visitor from California whose consent cookie grants analytics and personalization and denies
	 * ads under the current revision.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithPurposes extends Visit {

		/**
		 * Prepare the request and start the visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(PurposesAndRegionsStarter starter) {
			String visitorId = new SecureIdGenerator().visitorId();
			this.request = pageView("/about", new Cookie("_mspi", visitorId),
					new Cookie("cxp_consent", "1.2.analytics:g~ads:d~personalization:g"));
			this.request.addHeader("CloudFront-Viewer-Country", "US");
			this.request.addHeader("CloudFront-Viewer-Country-Region", "CA");
			run(starter, this.request, this.response, false);
			if (!this.response.headers().isEmpty()) {
				throw new IllegalStateException("A returning visitor must not be sent a cookie");
			}
		}

	}

	/**
	 * A returning visitor whose consent cookie, as the endpoint wrote it, grants every purpose.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithGrant extends Visit {

		/**
		 * Prepare the request and start the visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(RequiredConsentStarter starter) {
			this.request = grantedVisit(starter);
			run(starter, this.request, this.response, false);
			if (!this.response.headers().isEmpty()) {
				throw new IllegalStateException("A returning visitor must not be sent a cookie");
			}
		}

	}

	/**
	 * As {@link ReturningVisitorWithGrant}, with the consent cookie signed.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithSignedGrant extends Visit {

		/**
		 * Prepare the request and start the visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(SigningStarter starter) {
			this.request = grantedVisit(starter);
			run(starter, this.request, this.response, false);
			if (!this.response.headers().isEmpty()) {
				throw new IllegalStateException("A returning visitor must not be sent a cookie");
			}
		}

	}

	private static MockHttpServletRequest grantedVisit(DefaultStarter starter) {
		ConsentCookieFormat format = starter.context.bean(ConsentCookieFormat.class);
		String value = format.format(new ConsentCookie(format.revision(),
				Map.of(ConsentPurposes.ANALYTICS, ConsentState.GRANTED), new SecureIdGenerator().receiptId()));
		return pageView("/about", new Cookie("_mspi", new SecureIdGenerator().visitorId()),
				new Cookie("cxp_consent", value));
	}

	/**
	 * A returning visitor whose only consent signal is the TC string of the site's consent management platform.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithTcString extends Visit {

		/**
		 * Prepare the request and start the visitor's session, which also decodes the TC string once.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(TcfStarter starter) {
			String visitorId = new SecureIdGenerator().visitorId();
			this.request = pageView("/about", new Cookie("_mspi", visitorId),
					new Cookie("euconsent-v2", ConsentStringBenchmark.acceptAllTcString()));
			CxpVisitor first = (CxpVisitor) run(starter, this.request, this.response, false);
			if (!this.response.headers().isEmpty() || !"tcf".equals(first.consent().source())) {
				throw new IllegalStateException("The TC string must decide, and no cookie be sent");
			}
		}

	}

	/**
	 * A returning visitor whose OneTrust cookie accepts every group.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithOneTrustCookie extends Visit {

		/**
		 * Prepare the request and start the visitor's session, which also reads the cookie once.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(OneTrustStarter starter) {
			String value = PlatformCookieBenchmark.oneTrustCookie("5f0c2a9e-7b41-4d8a-9e36-2c1f7a5b9d04")
				.replace("C0002%3A0", "C0002%3A1");
			this.request = pageView("/about", new Cookie("_mspi", new SecureIdGenerator().visitorId()),
					new Cookie("OptanonConsent", value));
			decidedBy("onetrust", run(starter, this.request, this.response, false), this.response);
		}

	}

	/**
	 * A returning visitor whose Cookiebot cookie accepts statistics.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitorWithCookiebotCookie extends Visit {

		/**
		 * Prepare the request and start the visitor's session, which also reads the cookie once.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(CookiebotStarter starter) {
			String value = PlatformCookieBenchmark
				.cookiebotCookie("PuSKzMgziAFdTLa5FzFSr4vbvlQnA4IdhLZfeZ+9fBM/j32CWy3XGA==");
			this.request = pageView("/about", new Cookie("_mspi", new SecureIdGenerator().visitorId()),
					new Cookie("CookieConsent", value));
			decidedBy("cookiebot", run(starter, this.request, this.response, false), this.response);
		}

	}

	private static void decidedBy(String source, Object visitor, RecordingResponse response) {
		CxpVisitor first = (CxpVisitor) visitor;
		if (!response.headers().isEmpty() || !source.equals(first.consent().source()) || !first.consentEffective()) {
			throw new IllegalStateException("The platform's cookie must decide, and no cookie be sent");
		}
	}

	/**
	 * A first visit, without cookies.
	 */
	@State(Scope.Thread)
	public static class NewVisitor extends Visit {

		/**
		 * Prepare the request.
		 */
		@Setup(Level.Trial)
		public void prepare() {
			this.request = pageView("/about");
		}

	}

	/**
	 * A visitor who declined with the consent cookie and still carries an id cookie.
	 */
	@State(Scope.Thread)
	public static class DecliningVisitor extends Visit {

		/**
		 * Prepare the request.
		 */
		@Setup(Level.Trial)
		public void prepare() {
			this.request = pageView("/about", new Cookie("cxp_consent", "denied"),
					new Cookie("_mspi", new SecureIdGenerator().visitorId()));
		}

	}

	/**
	 * A visitor who made no choice and carries no cookie.
	 */
	@State(Scope.Thread)
	public static class UndecidedVisitor extends Visit {

		/**
		 * Prepare the request.
		 */
		@Setup(Level.Trial)
		public void prepare() {
			this.request = pageView("/about");
		}

	}

}
