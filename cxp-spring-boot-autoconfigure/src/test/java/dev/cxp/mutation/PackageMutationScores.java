package dev.cxp.mutation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The mutation score of each package, from PIT's {@code mutations.xml}: the {@code mutation} profile runs it after
 * PIT, since PIT's own threshold is over every package at once and a weak package would hide behind strong ones.
 * A mutant counts as killed when PIT detected it (a test failed, timed out or crashed on it); non-viable mutants
 * (bytecode the JVM refuses) are not mutants of any behaviour and are left out.
 */
public final class PackageMutationScores {

	private final Map<String, Score> scores = new TreeMap<>();

	private PackageMutationScores() {
	}

	/**
	 * Print the score of each package and fail below the threshold.
	 * @param args the path of {@code mutations.xml} and the threshold in percent
	 * @throws Exception when the report cannot be read, or a package scores below the threshold
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			throw new IllegalArgumentException("Expected the path of mutations.xml and a threshold in percent");
		}
		PackageMutationScores scores = read(Path.of(args[0]));
		int threshold = Integer.parseInt(args[1]);
		scores.print(System.out, threshold);
		List<String> failing = scores.below(threshold);
		if (!failing.isEmpty()) {
			throw new IllegalStateException("Mutation score below " + threshold + " % in " + String.join(", ", failing));
		}
	}

	/**
	 * Read PIT's report.
	 * @param report the path of {@code mutations.xml}
	 * @return the scores by package
	 * @throws IOException when the report cannot be read
	 */
	static PackageMutationScores read(Path report) throws IOException {
		try (InputStream in = Files.newInputStream(report)) {
			return read(in);
		}
	}

	static PackageMutationScores read(InputStream report) throws IOException {
		Document document = parse(report);
		PackageMutationScores scores = new PackageMutationScores();
		NodeList mutations = document.getElementsByTagName("mutation");
		for (int i = 0; i < mutations.getLength(); i++) {
			scores.add((Element) mutations.item(i));
		}
		if (scores.scores.isEmpty()) {
			throw new IllegalStateException("The report holds no mutants: check the profile's target classes");
		}
		return scores;
	}

	private static Document parse(InputStream report) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// Errors are thrown, not also printed
			builder.setErrorHandler(new DefaultHandler());
			return builder.parse(report);
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IOException("Not a PIT mutations report", ex);
		}
	}

	private void add(Element mutation) {
		String status = mutation.getAttribute("status");
		if ("NON_VIABLE".equals(status)) {
			return;
		}
		String mutatedClass = text(mutation, "mutatedClass");
		String packageName = mutatedClass.substring(0, Math.max(0, mutatedClass.lastIndexOf('.')));
		Score score = this.scores.computeIfAbsent(packageName, (name) -> new Score());
		score.total++;
		if (Boolean.parseBoolean(mutation.getAttribute("detected"))) {
			score.killed++;
		}
		else {
			score.survivors.add(mutatedClass.substring(packageName.length() + 1) + ":" + text(mutation, "lineNumber")
					+ " " + status + " " + text(mutation, "description"));
		}
	}

	private static String text(Element parent, String name) {
		NodeList children = parent.getElementsByTagName(name);
		return (children.getLength() > 0) ? children.item(0).getTextContent().trim() : "";
	}

	/**
	 * The packages whose score is below the threshold.
	 * @param threshold the threshold in percent
	 * @return the package names, in order
	 */
	List<String> below(int threshold) {
		List<String> failing = new ArrayList<>();
		this.scores.forEach((name, score) -> {
			if (!score.reaches(threshold)) {
				failing.add(name);
			}
		});
		return failing;
	}

	/**
	 * The score of one package.
	 * @param packageName the package
	 * @return its killed and total mutants, such as {@code 95/100}
	 */
	String score(String packageName) {
		Score score = this.scores.get(packageName);
		return (score != null) ? score.killed + "/" + score.total : "";
	}

	void print(PrintStream out, int threshold) {
		int width = this.scores.keySet().stream().mapToInt(String::length).max().orElse(0);
		String row = "%-" + width + "s %9s %7s%n";
		out.printf(row, "package", "killed", "score");
		Score all = new Score();
		this.scores.forEach((name, score) -> {
			out.printf(row, name, score.killed + "/" + score.total, score.percent());
			all.killed += score.killed;
			all.total += score.total;
		});
		out.printf(row, "all", all.killed + "/" + all.total, all.percent());
		this.scores.forEach((name, score) -> {
			if (!score.reaches(threshold)) {
				out.printf("%nSurvivors in %s, below %d %%:%n", name, threshold);
				score.survivors.forEach((survivor) -> out.println("  " + survivor));
			}
		});
	}

	private static final class Score {

		private int killed;

		private int total;

		private final List<String> survivors = new ArrayList<>();

		boolean reaches(int threshold) {
			return this.killed * 100L >= threshold * (long) this.total;
		}

		String percent() {
			return String.format("%.1f %%", (this.total > 0) ? this.killed * 100.0 / this.total : 100.0);
		}

	}

}
