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
 * The README's minimal consent banner is what the browser tests run: its markup is the body of the test
 * site's {@code /minimal-banner.html}, and its script is the test site's {@code /banner.js}.
 */
class ReadmeBannerTests {

	private static final String SECTION = "### A minimal consent banner";

	@Test
	void theTestedBannerIsTheReadmesBanner() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		assertThat(readme).contains(SECTION);
		String section = readme.substring(readme.indexOf(SECTION));
		assertThat(resource("static/minimal-banner.html")).contains(codeBlock(section, "html"));
		assertThat(resource("static/banner.js")).isEqualTo(codeBlock(section, "js"));
	}

	private static String codeBlock(String section, String language) {
		Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
		assertThat(block.find()).as("a %s block in the README's minimal banner", language).isTrue();
		return block.group(1);
	}

	private static String resource(String location) throws IOException {
		return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
	}

}
