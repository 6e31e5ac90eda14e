package dev.cxp.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal consent banner of the docs ({@code docs/endpoints.md}) is what the browser tests run: its markup is
 * the body of the test site's {@code /minimal-banner.html}, and its script is the test site's {@code /banner.js}.
 */
class DocumentedBannerTests {

	private static final String SECTION = "## A minimal consent banner";

	@Test
	void theTestedBannerIsTheDocumentedBanner() throws IOException {
		String page = Files.readString(Path.of("..", "docs", "endpoints.md"));
		assertThat(page).contains(SECTION);
		String section = page.substring(page.indexOf(SECTION));
		assertThat(resource("static/minimal-banner.html")).contains(codeBlock(section, "html"));
		assertThat(resource("static/banner.js")).isEqualTo(codeBlock(section, "js"));
	}

	private static String codeBlock(String section, String language) {
		Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
		assertThat(block.find()).as("a %s block in the docs' minimal banner", language).isTrue();
		return block.group(1);
	}

	private static String resource(String location) throws IOException {
		return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
	}

}
