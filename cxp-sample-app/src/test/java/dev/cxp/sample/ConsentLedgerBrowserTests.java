package dev.cxp.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site's {@code postgres} profile in a real browser against a real PostgreSQL: a grant, a change
 * and a withdrawal made through the consent banner leave three records in the ledger, read back here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class ConsentLedgerBrowserTests extends BrowserTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.registerDataSource(registry);
	}

	@Test
	void grantChangeAndWithdrawalThroughTheBannerLeaveThreeRecords() throws Exception {
		JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
		jdbc.sql("DELETE FROM cxp_consent_record").update();
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		String visitorId = browser.cookie("_mspi");
		String grant = receipt(browser.cookie("cxp_consent"));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.click("cxp-purpose-ads");
		browser.choose("cxp-save");
		String change = receipt(browser.cookie("cxp_consent"));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.choose("cxp-decline");
		String withdrawal = receipt(browser.cookie("cxp_consent"));
		assertThat(browser.cookieNames()).containsExactly("cxp_consent");

		List<Map<String, Object>> records = jdbc
			.sql("SELECT receipt_id, method, purposes, revision, visitor, ip_prefix FROM cxp_consent_record "
					+ "ORDER BY recorded_at, receipt_id")
			.query()
			.listOfRows();
		assertThat(records).hasSize(3);
		assertThat(records).extracting((row) -> row.get("receipt_id"))
			.containsExactlyInAnyOrder(grant, change, withdrawal);
		Map<String, Map<String, Object>> byReceipt = new java.util.HashMap<>();
		records.forEach((row) -> byReceipt.put((String) row.get("receipt_id"), row));
		assertThat(byReceipt.get(grant)).containsEntry("method", "banner")
			.containsEntry("purposes", "ads=GRANTED,analytics=GRANTED,personalization=GRANTED")
			.containsEntry("revision", "1")
			.containsEntry("visitor", visitorId);
		assertThat(byReceipt.get(change)).containsEntry("method", "banner")
			.containsEntry("purposes", "ads=DENIED,analytics=GRANTED,personalization=GRANTED")
			.containsEntry("visitor", visitorId);
		assertThat(byReceipt.get(withdrawal)).containsEntry("method", "withdrawal")
			.containsEntry("purposes", "ads=DENIED,analytics=DENIED,personalization=DENIED")
			.containsEntry("visitor", visitorId);
		assertThat(records).allSatisfy((row) -> assertThat(row.get("ip_prefix")).isNull());
	}

	private static String receipt(String consentCookie) {
		assertThat(consentCookie).matches(".*\\.[0-9a-f]{32}");
		return consentCookie.substring(consentCookie.length() - 32);
	}

}
