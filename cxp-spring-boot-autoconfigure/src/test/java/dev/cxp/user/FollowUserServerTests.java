package dev.cxp.user;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.user.UserLinks;
import dev.cxp.user.FollowUserSite.CountingLedger;

import static dev.cxp.user.Browser.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S15.1 and S15.2 over a real server with Spring Security's form login and the JDBC ledger: a choice made while
 * signed in is linked to the user, restored on their other browsers at the first request after sign-in, never over
 * a choice made on that browser, and a withdrawal wins everywhere at the next sign-in. Each test signs its own
 * users in on fresh browsers; the ledger is shared, so each test uses users of its own where it matters.
 */
@SpringBootTest(classes = FollowUserSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.follow-user.enabled=true",
				"cxp.consent.ledger.visitor-id-key=" + FollowUserServerTests.KEY, "cxp.consent.required=true",
				"logging.level.dev.cxp=info", "management.endpoints.web.exposure.include=cxp" })
@ExtendWith(OutputCaptureExtension.class)
class FollowUserServerTests {

	static final String KEY = "a-secret-key-of-the-site";

	private static final String CONSENT = "cxp_consent";

	@LocalServerPort
	int port;

	@Autowired
	CountingLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionTracker sessions;

	@Autowired
	MeterRegistry meters;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UserLinks links = new UserLinks(KEY);

	@Test
	void choiceMadeWhileSignedInIsLinkedToTheUserByAKeyedHashNeverTheName() {
		Browser a = signedIn("alice");
		HttpResponse<String> grant = a.consent("PUT", "{\"consent\":\"granted\"}");
		assertThat(grant.statusCode()).isEqualTo(200);
		ConsentRecord record = this.ledger.findByReceiptId(receiptOf(a.cookie(CONSENT))).orElseThrow();
		assertThat(record.userLink()).isEqualTo(this.links.of("alice")).isNotEqualTo(this.links.of("bob"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record WHERE CONCAT(receipt_id, revision, purposes, "
				+ "method, COALESCE(visitor, ''), COALESCE(user_link, '')) LIKE '%alice%'").query(Long.class).single())
			.isZero();
		Browser anonymous = new Browser(this.port);
		anonymous.page("/");
		anonymous.consent("PUT", "{\"consent\":\"granted\"}");
		assertThat(this.ledger.findByReceiptId(receiptOf(anonymous.cookie(CONSENT))).orElseThrow().userLink()).isNull();
	}

	@Test
	void latestChoiceIsRestoredAtTheFirstRequestAfterSignInWithOneLedgerReadPerSignIn() {
		Browser a = signedIn("alice");
		a.consent("PUT", "{\"consent\":\"granted\"}");
		Browser b = new Browser(this.port);
		HttpResponse<String> before = b.page("/");
		assertThat(setCookies(before, "_mspi")).isEmpty();
		int reads = this.ledger.latestReads();
		b.signIn("alice", "alice-password");
		HttpResponse<String> first = b.page("/");
		assertThat(this.ledger.latestReads()).isEqualTo(reads + 1);
		assertThat(setCookies(first, CONSENT)).singleElement().asString().startsWith(CONSENT + "=1.1.analytics:g.");
		String visitorId = b.cookie("_mspi");
		assertThat(visitorId).isNotNull();
		assertThat(setCookies(first, "_mspi")).hasSize(1);
		assertThat(first.body()).contains("visitor " + visitorId);
		ConsentRecord restored = this.ledger.findByReceiptId(receiptOf(b.cookie(CONSENT))).orElseThrow();
		assertThat(restored.method()).isEqualTo(ConsentMethod.RESTORED);
		assertThat(restored.userLink()).isEqualTo(this.links.of("alice"));
		assertThat(restored.visitor()).isNotNull().isNotEqualTo(visitorId);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> later = b.page((i % 2 == 0) ? "/about" : "/");
			assertThat(later.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(this.ledger.latestReads()).isEqualTo(reads + 1);
	}

	@Test
	void withdrawalOnAnyBrowserWinsAtTheNextSignInAndOtherUsersAreUnaffected() {
		Browser a = signedIn("carol");
		a.consent("PUT", "{\"consent\":\"granted\"}");
		String trackedOnA = a.cookie("_mspi");
		assertThat(trackedOnA).isNotNull();
		Browser b = signedIn("carol");
		assertThat(b.cookie(CONSENT)).contains("analytics:g");
		assertThat(b.consent("DELETE", "").statusCode()).isEqualTo(200);
		Browser bobOnC = signedIn("bob");
		bobOnC.consent("PUT", "{\"consent\":\"granted\"}");
		a.signOut();
		a.signIn("carol", "carol-password");
		HttpResponse<String> first = a.page("/");
		assertThat(setCookies(first, CONSENT)).singleElement().asString().startsWith(CONSENT + "=1.1.analytics:d.");
		assertThat(setCookies(first, "_mspi")).singleElement().asString().contains("Max-Age=0");
		assertThat(a.cookie("_mspi")).isNull();
		assertThat(first.body()).contains("visitor null");
		ConsentRecord restored = this.ledger.findByReceiptId(receiptOf(a.cookie(CONSENT))).orElseThrow();
		assertThat(restored.method()).isEqualTo(ConsentMethod.RESTORED);
		assertThat(restored.purposes()).containsEntry("analytics", ConsentState.DENIED);
		Browser bobOnD = signedIn("bob");
		assertThat(bobOnD.cookie(CONSENT)).contains("analytics:g");
		assertThat(bobOnD.cookie("_mspi")).isNotNull();
		bobOnC.signOut();
		bobOnC.signIn("bob", "bob-password");
		assertThat(setCookies(bobOnC.page("/"), "_mspi")).isEmpty();
	}

	@Test
	void choiceMadeOnThisBrowserIsNeverOverwrittenByAGrant() {
		Browser a = signedIn("dave");
		a.consent("PUT", "{\"consent\":\"granted\"}");
		Browser b = new Browser(this.port);
		b.page("/");
		b.consent("PUT", "{\"consent\":\"denied\"}");
		String refusal = b.cookie(CONSENT);
		b.signIn("dave", "dave-password");
		HttpResponse<String> first = b.page("/");
		assertThat(setCookies(first, CONSENT)).isEmpty();
		assertThat(b.cookie(CONSENT)).isEqualTo(refusal);
		assertThat(b.cookie("_mspi")).isNull();
	}

	@Test
	void grantsOfAnOlderRevisionAreNotRestoredWhileRefusalsStayRefusals() {
		SecureIdGenerator ids = new SecureIdGenerator();
		this.ledger.append(new ConsentRecord(ids.receiptId(), Instant.now(), "0", Map.of("analytics", ConsentState.GRANTED),
				ConsentMethod.BANNER, null, null, null, null, this.links.of("erin")));
		Browser b = signedIn("erin");
		assertThat(b.cookie(CONSENT)).isNull();
		assertThat(b.cookie("_mspi")).isNull();
		this.ledger.append(new ConsentRecord(ids.receiptId(), Instant.now(), "0", Map.of("analytics", ConsentState.DENIED),
				ConsentMethod.WITHDRAWAL, null, null, null, null, this.links.of("frank")));
		Browser c = signedIn("frank");
		assertThat(c.cookie(CONSENT)).startsWith("1.1.analytics:d.");
	}

	@Test
	void operatorAnswersAccessAndErasureRequestsWithoutPersonalDataInTheLog(CapturedOutput output) {
		Browser a = signedIn("grace");
		a.consent("PUT", "{\"consent\":\"granted\"}");
		a.page("/");
		Browser b = signedIn("grace");
		String onA = a.cookie("_mspi");
		String onB = b.cookie("_mspi");
		assertThat(onA).isNotNull().isNotEqualTo(onB);
		assertThat(onB).isNotNull();
		assertThat(Browser.actuator("GET", this.port, "/actuator/cxp/subjects/grace", null).statusCode()).isEqualTo(401);
		assertThat(Browser.actuator("GET", this.port, "/actuator/cxp/subjects/grace", "grace").statusCode())
			.isEqualTo(403);
		HttpResponse<String> access = Browser.actuator("GET", this.port, "/actuator/cxp/subjects/grace", "operator");
		assertThat(access.statusCode()).isEqualTo(200);
		JsonNode report = json.readTree(access.body());
		assertThat(report.get("records")).hasSize(2);
		assertThat(report.get("records").get(0).get("method").asString()).isEqualTo("restored");
		assertThat(report.get("records").get(1).get("method").asString()).isEqualTo("banner");
		assertThat(report.get("sessions").findValuesAsString("visitorId")).containsExactlyInAnyOrder(onA, onB);
		HttpResponse<String> erasure = Browser.actuator("DELETE", this.port, "/actuator/cxp/subjects/grace", "operator");
		assertThat(erasure.statusCode()).isEqualTo(200);
		assertThat(json.readTree(erasure.body()).get("visitorIds").asInt()).isEqualTo(2);
		assertThat(json.readTree(erasure.body()).get("unlinkedRecords").asInt()).isEqualTo(2);
		JsonNode after = json.readTree(
				Browser.actuator("GET", this.port, "/actuator/cxp/subjects/grace", "operator").body());
		assertThat(after.get("records")).isEmpty();
		assertThat(after.get("sessions")).isEmpty();
		String receipt = report.get("records").get(1).get("receiptId").asString();
		assertThat(this.ledger.findByReceiptId(receipt)).hasValueSatisfying(
				(record) -> assertThat(record.userLink()).isNull());
		assertThat(this.sessions.currentSession(onA)).isNull();
		assertThat(this.sessions.currentSession(onB)).isNull();
		assertThat(Browser.actuator("GET", this.port, "/actuator/cxp/other/grace", "operator").statusCode())
			.isEqualTo(404);
		assertThat(this.meters.get("cxp.subjects.requests").tag("operation", "erasure").functionCounter().count())
			.isEqualTo(1);
		assertThat(this.meters.get("cxp.subjects.requests").tag("operation", "access").functionCounter().count())
			.isGreaterThanOrEqualTo(2);
		assertThat(output).contains("Answered a data subject's erasure request: sessions of 2 visitor ids erased, "
				+ "2 consent records unlinked");
		assertThat(output).doesNotContain("grace").doesNotContain(onA).doesNotContain(onB)
			.doesNotContain(this.links.of("grace"));
	}

	@Test
	void springSecurityRefusesAChoiceWithoutThePagesCsrfTokenAndTakesItWithIt() {
		Browser withoutToken = new Browser(this.port);
		assertThat(withoutToken.consent("PUT", "{\"consent\":\"granted\"}").statusCode()).isEqualTo(403);
		assertThat(withoutToken.cookie(CONSENT)).isNull();
		Browser withToken = new Browser(this.port);
		withToken.page("/");
		assertThat(withToken.consent("PUT", "{\"consent\":\"granted\"}").statusCode()).isEqualTo(200);
		assertThat(withToken.cookie(CONSENT)).startsWith("1.1.analytics:g.");
	}

	@Test
	void nobodySignedInReadsNothing(CapturedOutput output) {
		int reads = this.ledger.latestReads();
		Browser anonymous = new Browser(this.port);
		for (int i = 0; i < 3; i++) {
			anonymous.page("/");
		}
		anonymous.consent("PUT", "{\"consent\":\"granted\"}");
		anonymous.page("/about");
		assertThat(this.ledger.latestReads()).isEqualTo(reads);
		assertThat(output).doesNotContain("alice-password").doesNotContain("Exception");
	}

	private Browser signedIn(String user) {
		Browser browser = new Browser(this.port);
		browser.signIn(user, user + "-password");
		browser.page("/");
		return browser;
	}

	private static String receiptOf(String cookie) {
		return cookie.substring(cookie.lastIndexOf('.') + 1);
	}

}
