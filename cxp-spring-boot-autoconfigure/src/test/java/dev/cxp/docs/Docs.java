package dev.cxp.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The project's documentation as the tests read it: {@code README.md} and every page under {@code docs/}, with
 * their fenced code blocks.
 */
final class Docs {

	/** The repository's root, seen from the module the tests run in. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

	private static final Pattern MARKER = Pattern.compile("^<!--\\s*(.*?)\\s*-->\\s*$");

	private Docs() {
	}

	/**
	 * {@code README.md} and the pages under {@code docs/}, in name order.
	 * @return the pages, as paths relative to the repository's root
	 */
	static List<Path> pages() {
		List<Path> pages = new ArrayList<>();
		pages.add(Path.of("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md"))
				.sorted()
				.forEach((path) -> pages.add(ROOT.relativize(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	/**
	 * The text of a page.
	 * @param page the page, relative to the repository's root
	 * @return its text
	 */
	static String read(Path page) {
		try {
			return Files.readString(ROOT.resolve(page), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The fenced code blocks of a page, indented ones included.
	 * @param page the page, relative to the repository's root
	 * @return its blocks, in order
	 */
	static List<Block> blocks(Path page) {
		List<Block> blocks = new ArrayList<>();
		String[] lines = read(page).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String indent = indentOf(lines[i]);
			Matcher open = FENCE.matcher(lines[i].substring(indent.length()));
			if (!open.matches()) {
				continue;
			}
			StringBuilder code = new StringBuilder();
			int close = i + 1;
			while (close < lines.length && !lines[close].strip().equals("```")) {
				String line = lines[close];
				code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
				close++;
			}
			blocks.add(new Block(page, i + 1, open.group(1), code.toString(), markerBefore(lines, i)));
			i = close;
		}
		return blocks;
	}

	/**
	 * The fenced code blocks of every page.
	 * @return the blocks, page by page
	 */
	static List<Block> allBlocks() {
		return pages().stream().flatMap((page) -> blocks(page).stream()).toList();
	}

	private static @Nullable String markerBefore(String[] lines, int fence) {
		if (fence == 0) {
			return null;
		}
		Matcher marker = MARKER.matcher(lines[fence - 1].strip());
		return marker.matches() ? marker.group(1) : null;
	}

	private static String indentOf(String line) {
		int i = 0;
		while (i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		return line.substring(0, i);
	}

	/**
	 * A fenced code block.
	 *
	 * @param page the page it is on
	 * @param line the line of its opening fence, from 1
	 * @param language the language named after the fence, empty when none
	 * @param code its content
	 * @param marker the text of an HTML comment on the line just before the fence, if any
	 */
	record Block(Path page, int line, String language, String code, @Nullable String marker) {

		/**
		 * Where the block is, for messages.
		 * @return the page and line
		 */
		String where() {
			return this.page + ":" + this.line;
		}

	}

}
