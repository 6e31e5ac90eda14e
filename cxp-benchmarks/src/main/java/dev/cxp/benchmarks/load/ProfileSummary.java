package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Aggregates a profile in collapsed-stacks form (a line per stack, frames root first separated by
 * {@code ;}, then a weight) into the top frames of the starter's path: the part of each stack from its
 * outermost {@code dev/cxp/} frame to the leaf, that is the starter's code and everything it calls. Frames
 * are counted by total (every stack they appear in, once) and by self (stacks they end). Percentages are of
 * the whole JVM's weight and of the weight of request-serving stacks; the cost per request is the weight
 * (CPU samples times the sampling interval, or bytes) over the requests served while profiling. Against
 * the profile of the baseline JVM it also lists the frames whose cost per request grew most, which catches
 * what the starter adds outside its own frames.
 *
 * @since 0.2.0
 */
final class ProfileSummary {

	private static final String STARTER_FRAME = "dev/cxp/";

	// Generated classes are numbered per JVM: without the numbers, frames compare across JVMs
	private static final Pattern GENERATED = Pattern
		.compile("(\\$\\$Lambda|LambdaForm\\$[A-Z]+|\\$Proxy)(\\$\\d+)?([./]0x\\p{XDigit}+|\\d+)");

	private static final String REQUEST_FRAME = "org/apache/catalina/connector/CoyoteAdapter.service";

	private long all;

	private long requests;

	private long starter;

	private final Map<String, Long> starterTotal = new HashMap<>();

	private final Map<String, Long> starterSelf = new HashMap<>();

	private final Map<String, Long> starterEntry = new HashMap<>();

	private final Map<String, Long> requestSelf = new HashMap<>();

	private final Map<String, Long> allTotal = new HashMap<>();

	private final double perRequest;

	private ProfileSummary(double weightUnit, long requestsServed) {
		this.perRequest = weightUnit / requestsServed;
	}

	/**
	 * Read a profile.
	 * @param collapsed the collapsed stacks
	 * @param weightUnit what one unit of weight is worth in the figures printed (microseconds per CPU
	 * sample, 1 for bytes)
	 * @param requestsServed the requests served while profiling
	 * @return the summary
	 * @throws IOException when the file cannot be read
	 */
	static ProfileSummary read(Path collapsed, double weightUnit, long requestsServed) throws IOException {
		ProfileSummary summary = new ProfileSummary(weightUnit, requestsServed);
		try (Stream<String> lines = Files.lines(collapsed)) {
			lines.forEach(summary::add);
		}
		return summary;
	}

	private void add(String line) {
		int space = line.lastIndexOf(' ');
		if (space < 0) {
			return;
		}
		long weight = Long.parseLong(line.substring(space + 1).trim());
		String[] frames = GENERATED.matcher(line.substring(0, space)).replaceAll("$1").split(";");
		this.all += weight;
		boolean request = false;
		int firstStarter = -1;
		for (int i = 0; i < frames.length; i++) {
			request |= frames[i].startsWith(REQUEST_FRAME);
			if (firstStarter < 0 && frames[i].startsWith(STARTER_FRAME)) {
				firstStarter = i;
			}
		}
		String leaf = frames[frames.length - 1];
		Set<String> seenAll = new HashSet<>();
		for (String frame : frames) {
			if (seenAll.add(frame)) {
				this.allTotal.merge(frame, weight, Long::sum);
			}
		}
		if (request) {
			this.requests += weight;
			this.requestSelf.merge(leaf, weight, Long::sum);
		}
		if (firstStarter >= 0) {
			this.starter += weight;
			this.starterSelf.merge(leaf, weight, Long::sum);
			this.starterEntry.merge(frames[firstStarter], weight, Long::sum);
			Set<String> seen = new HashSet<>();
			for (int i = firstStarter; i < frames.length; i++) {
				if (seen.add(frames[i])) {
					this.starterTotal.merge(frames[i], weight, Long::sum);
				}
			}
		}
	}

	/**
	 * Print the summary.
	 * @param title what the profile is
	 * @param path what the {@code dev/cxp/} frames of this JVM are: the starter's path, or the hand-written
	 * interceptor
	 * @param unit what the figures per request are in
	 * @param top how many frames to list
	 */
	void print(String title, String path, String unit, int top) {
		System.out.printf(Locale.ROOT, "%n%s: request-serving stacks %.1f %%; %s %.2f %% of all, "
				+ "%.2f %% of request-serving; whole JVM %.2f %s per request, %s %.2f %s%n", title,
				percent(this.requests, this.all), path, percent(this.starter, this.all),
				percent(this.starter, this.requests), this.all * this.perRequest, unit, path,
				this.starter * this.perRequest, unit);
		printTop(path + ", entry frames (outermost dev.cxp frame)", this.starterEntry, top, unit);
		printTop(path + ", total (inclusive)", this.starterTotal, top, unit);
		printTop(path + ", self", this.starterSelf, top, unit);
		printTop("request-serving stacks, self (context)", this.requestSelf, top, unit);
	}

	/**
	 * Print the frames whose cost per request (inclusive) is higher here than in another profile, most
	 * first.
	 * @param baseline the other profile, of the same load on the baseline JVM
	 * @param unit what the figures per request are in
	 * @param top how many frames to list
	 */
	void printGrowthOver(ProfileSummary baseline, String unit, int top) {
		System.out.printf(Locale.ROOT, "  frames whose inclusive cost per request grew most against the baseline JVM"
				+ "%n  %10s %10s %10s  %s%n", "here", "baseline", "grew by", "frame");
		Set<String> frames = new HashSet<>(this.allTotal.keySet());
		frames.addAll(baseline.allTotal.keySet());
		frames.stream()
			.map((frame) -> Map.entry(frame, cost(frame) - baseline.cost(frame)))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(top)
			.forEach((growth) -> System.out.printf(Locale.ROOT, "  %10.2f %10.2f %+10.2f  %s (%s)%n",
					cost(growth.getKey()), baseline.cost(growth.getKey()), growth.getValue(), growth.getKey(), unit));
	}

	/**
	 * The starter's path per request.
	 * @return its weight over the requests, in the unit given when reading
	 */
	double starterCost() {
		return this.starter * this.perRequest;
	}

	/**
	 * A frame's inclusive cost per request, counted once per stack.
	 * @param frame the frame, generated class numbers left out
	 * @return its weight over the requests, in the unit given when reading
	 */
	double cost(String frame) {
		return this.allTotal.getOrDefault(frame, 0L) * this.perRequest;
	}

	private void printTop(String heading, Map<String, Long> frames, int top, String unit) {
		System.out.printf(Locale.ROOT, "  %s%n  %8s %8s %10s  %s%n", heading, "% all", "% req", unit + "/req", "frame");
		List<Map.Entry<String, Long>> sorted = frames.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(top)
			.toList();
		for (Map.Entry<String, Long> frame : sorted) {
			System.out.printf(Locale.ROOT, "  %7.2f%% %7.2f%% %10.2f  %s%n", percent(frame.getValue(), this.all),
					percent(frame.getValue(), this.requests), frame.getValue() * this.perRequest, frame.getKey());
		}
	}

	private static double percent(long part, long whole) {
		return (whole > 0) ? part * 100.0 / whole : 0;
	}

}
