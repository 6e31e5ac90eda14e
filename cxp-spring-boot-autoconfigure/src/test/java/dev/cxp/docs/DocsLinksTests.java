package dev.cxp.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and the docs leads to a file of the repository, and every {@code #anchor} to
 * a heading of the page it names, with the anchors GitHub makes of headings.
 */
class DocsLinksTests {

	// [text](target), outside code spans and blocks
	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");

	@Test
	void everyLinkResolves() {
		List<String> broken = new ArrayList<>();
		for (Path page : Docs.pages()) {
			for (String target : links(page)) {
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
				Path linked = file.isEmpty() ? page : Docs.ROOT.relativize(
						Docs.ROOT.resolve(page).resolveSibling(file).normalize());
				if (!Files.exists(Docs.ROOT.resolve(linked))) {
					broken.add(page + ": " + target + " (no such file)");
				}
				else if (anchor != null && !anchors(linked).contains(anchor)) {
					broken.add(page + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("links in the README and the docs").isEmpty();
	}

	@Test
	void headingsBecomeGithubAnchors() {
		assertThat(anchor("`GET /cxp/cxp.js`: the browser script")).isEqualTo("get-cxpcxpjs-the-browser-script");
		assertThat(anchor("The sample app's ledger: H2, or PostgreSQL with the `postgres` profile"))
			.isEqualTo("the-sample-apps-ledger-h2-or-postgresql-with-the-postgres-profile");
	}

	private static List<String> links(Path page) {
		List<String> links = new ArrayList<>();
		boolean code = false;
		for (String line : Docs.read(page).split("\n")) {
			if (line.strip().startsWith("```")) {
				code = !code;
				continue;
			}
			if (code) {
				continue;
			}
			Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
			while (link.find()) {
				links.add(link.group(1));
			}
		}
		return links;
	}

	private static Set<String> anchors(Path page) {
		Set<String> anchors = new HashSet<>();
		if (!page.toString().endsWith(".md")) {
			return anchors;
		}
		boolean code = false;
		for (String line : Docs.read(page).split("\n")) {
			if (line.strip().startsWith("```")) {
				code = !code;
			}
			Matcher heading = HEADING.matcher(line);
			if (!code && heading.matches()) {
				String anchor = anchor(heading.group(1));
				String unique = anchor;
				for (int i = 1; !anchors.add(unique); i++) {
					unique = anchor + "-" + i;
				}
			}
		}
		return anchors;
	}

	// GitHub's rule: lower case, spaces to hyphens, every other character but letters, digits, - and _ dropped
	static String anchor(String heading) {
		return heading.toLowerCase(Locale.ROOT).replace(' ', '-').replaceAll("[^\\p{L}\\p{N}_-]", "");
	}

}
