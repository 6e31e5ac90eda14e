package dev.cxp.autoconfigure;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link CxpProperties}.
 */
class CxpPropertiesMetadataTests {

	@Test
	void metadataDescribesRequiredConsent() throws Exception {
		var resources = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
		String metadata = null;
		for (URL url : Collections.list(resources)) {
			String content = new String(url.openStream().readAllBytes(), StandardCharsets.UTF_8);
			if (content.contains("\"cxp.consent.required\"")) {
				metadata = content;
			}
		}
		assertThat(metadata).isNotNull();
		JsonNode root = new JsonMapper().readTree(metadata);
		List<JsonNode> required = root.get("properties")
			.valueStream()
			.filter((property) -> "cxp.consent.required".equals(property.get("name").asString()))
			.toList();
		assertThat(required).hasSize(1);
		assertThat(required.get(0).get("description").asString()).startsWith("Whether tracking needs an explicit grant");
		assertThat(required.get(0).get("defaultValue").asBoolean()).isFalse();
		assertThat(required.get(0).get("type").asString()).isEqualTo("java.lang.Boolean");
	}


}
