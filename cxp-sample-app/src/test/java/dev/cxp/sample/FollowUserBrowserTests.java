package dev.cxp.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site's {@code follow-user} profile in two Chromium browsers against a real PostgreSQL ledger, with
 * Spring Security's form login and CSRF protection on (SPEC S15.2): a choice follows Alice to her other browser
 * at sign-in, her withdrawal on one browser stops tracking on the other at her next sign-in there, and Bob's
 * choices neither leak to nor follow from hers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "follow-user", "postgres" })
class FollowUserBrowserTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.registerDataSource(registry);
	}

	@LocalServerPort
	int port;

	private @Nullable BrowserSession a;

	private @Nullable BrowserSession b;

	@AfterEach
	void stopBrowsers() throws IOException {
		try {
			if (this.a != null) {
				this.a.close();
			}
		}
		finally {
			if (this.b != null) {
				this.b.close();
			}
		}
	}

	@Test
	void aliceIsAskedOnceBrowsersFollowHerWithdrawalAndBobIsUnaffected() throws Exception {
		JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
		this.a = BrowserSession.startIfInstalled();
		BrowserSession.assumeInstalled(this.a);
		this.b = BrowserSession.startIfInstalled();
		BrowserSession a = this.a;
		BrowserSession b = this.b;
		String origin = "http://localhost:" + this.port;

		// Alice accepts on A, signed in: the choice passes Spring Security's CSRF check with the page's token
		a.signIn(origin, "alice", "alice-password");
		assertThat(a.isDisplayed("cxp-banner")).isTrue();
		a.choose("cxp-accept");
		assertThat(a.cookie("_mspi")).isNotNull();
		assertThat(a.cookie("cxp_consent")).matches(BrowserTests.withReceipt("1.1.analytics:g~ads:g~personalization:g"));

		// She signs in on B: no banner, a visitor id, and the ledger holds the restoration
		b.signIn(origin, "alice", "alice-password");
		assertThat(b.isDisplayed("cxp-banner")).isFalse();
		String onB = b.cookie("_mspi");
		assertThat(onB).isNotNull();
		assertThat(b.text("cxp-visitor-id")).isEqualTo(onB);
		String restored = receipt(b.cookie("cxp_consent"));
		Map<String, Object> restoredRow = jdbc
			.sql("SELECT method, user_link, purposes FROM cxp_consent_record WHERE receipt_id = ?")
			.param(restored)
			.query()
			.singleRow();
		assertThat(restoredRow).containsEntry("method", "restored")
			.containsEntry("purposes", "ads=GRANTED,analytics=GRANTED,personalization=GRANTED");
		String aliceLink = (String) restoredRow.get("user_link");
		assertThat(aliceLink).matches("[0-9a-f]{64}");

		// She withdraws on B, then signs in again on A: tracking stops there and its visitor id is deleted
		b.click("cxp-privacy-settings");
		b.waitUntilDisplayed("cxp-banner");
		b.choose("cxp-decline");
		assertThat(b.cookie("_mspi")).isNull();
		a.signOut(origin);
		a.signIn(origin, "alice", "alice-password");
		assertThat(a.cookie("_mspi")).isNull();
		assertThat(a.cookie("cxp_consent")).startsWith("1.1.analytics:d~ads:d~personalization:d.");
		assertThat(a.text("cxp-visitor-id")).isEqualTo("none (no consent)");
		assertThat(a.localStorageKeys()).doesNotContain("PISession.Id", "PISession.Previous");
		List<String> methods = jdbc.sql("SELECT method FROM cxp_consent_record WHERE user_link = ? ORDER BY recorded_at")
			.param(aliceLink)
			.query(String.class)
			.list();
		assertThat(methods).containsExactly("banner", "restored", "withdrawal", "restored");

		// Bob on A, after Alice signed out and the browser forgot her: asked, as nothing of Alice's follows him
		a.signOut(origin);
		a.reset(origin);
		a.signIn(origin, "bob", "bob-password");
		assertThat(a.isDisplayed("cxp-banner")).isTrue();
		a.choose("cxp-accept");
		assertThat(a.cookie("_mspi")).isNotNull();
		// and his own grant follows him to B, whatever Alice withdrew there
		b.signOut(origin);
		b.reset(origin);
		b.signIn(origin, "bob", "bob-password");
		assertThat(b.isDisplayed("cxp-banner")).isFalse();
		assertThat(b.cookie("_mspi")).isNotNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record WHERE user_link = ?")
			.param(aliceLink)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	private static String receipt(@Nullable String consentCookie) {
		assertThat(consentCookie).matches(".*\\.[0-9a-f]{32}");
		return consentCookie.substring(consentCookie.length() - 32);
	}

}
