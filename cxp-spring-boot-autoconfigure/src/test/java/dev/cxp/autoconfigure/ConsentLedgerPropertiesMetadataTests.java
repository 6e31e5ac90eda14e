package dev.cxp.autoconfigure;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link ConsentLedgerProperties}: every property is
 * described, with its default.
 */
class ConsentLedgerPropertiesMetadataTests {

	@Test
	void everyLedgerPropertyIsDescribedWithItsDefault() throws Exception {
		Map<String, JsonNode> ledger = ledgerProperties();
		assertThat(ledger).containsOnlyKeys("cxp.consent.ledger.enabled", "cxp.consent.ledger.initialize-schema",
				"cxp.consent.ledger.retention", "cxp.consent.ledger.purge-interval",
				"cxp.consent.ledger.visitor-id-key", "cxp.consent.ledger.record-ip", "cxp.consent.ledger.timeout",
				"cxp.consent.ledger.max-concurrent-calls", "cxp.consent.ledger.max-writes-per-second",
				"cxp.consent.ledger.max-write-burst");
		ledger.values().forEach((property) -> assertThat(property.path("description").asString()).isNotBlank());
		assertThat(ledger.get("cxp.consent.ledger.retention").get("defaultValue").asString()).isEqualTo("1095d");
		assertThat(ledger.get("cxp.consent.ledger.purge-interval").get("defaultValue").asString()).isEqualTo("1d");
		assertThat(ledger.get("cxp.consent.ledger.initialize-schema").get("defaultValue").asString())
			.isEqualTo("always");
		assertThat(ledger.get("cxp.consent.ledger.record-ip").get("defaultValue").asString()).isEqualTo("none");
		assertThat(ledger.get("cxp.consent.ledger.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(ledger.get("cxp.consent.ledger.timeout").get("defaultValue").asString()).isEqualTo("1s");
		assertThat(ledger.get("cxp.consent.ledger.max-concurrent-calls").get("defaultValue").asInt()).isEqualTo(4);
		assertThat(ledger.get("cxp.consent.ledger.max-writes-per-second").get("defaultValue").asInt()).isEqualTo(10);
		assertThat(ledger.get("cxp.consent.ledger.max-write-burst").get("defaultValue").asInt()).isEqualTo(100);
		assertThat(ledger.get("cxp.consent.ledger.visitor-id-key").path("description").asString())
			.contains("blank key fails start-up");
	}

	private Map<String, JsonNode> ledgerProperties() throws Exception {
		for (URL url : Collections.list(
				getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			String content = new String(url.openStream().readAllBytes(), StandardCharsets.UTF_8);
			if (content.contains("\"cxp.consent.ledger.enabled\"")) {
				return new JsonMapper().readTree(content)
					.get("properties")
					.valueStream()
					.filter((property) -> property.get("name").asString().startsWith("cxp.consent.ledger."))
					.collect(Collectors.toMap((property) -> property.get("name").asString(), Function.identity()));
			}
		}
		throw new AssertionError("No metadata for cxp.consent.ledger");
	}

}
