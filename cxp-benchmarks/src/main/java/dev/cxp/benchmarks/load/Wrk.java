package dev.cxp.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drives a server with wrk: returning visitors, each sending its cookie, alternating between the two
 * pages of the application as navigations.
 */
final class Wrk {

	private final int threads;

	private final int connections;

	private final List<String> pinning;

	Wrk(int threads, int connections, List<String> pinning) {
		this.threads = threads;
		this.connections = connections;
		this.pinning = pinning;
	}

	/**
	 * What one run of wrk measured.
	 * @param requests the requests completed
	 * @param durationMicros how long it ran
	 * @param p99Micros the 99th percentile of latency
	 * @param errors socket errors and non-2xx/3xx answers
	 */
	record Result(long requests, long durationMicros, long p99Micros, long errors) {

		double requestsPerSecond() {
			return this.requests * 1_000_000.0 / this.durationMicros;
		}

	}

	static Path writeScript(Path directory, String name, List<String> pages, List<String> cookies)
			throws IOException {
		String table = cookies.stream().map((cookie) -> "\"" + cookie + "\"").collect(Collectors.joining(",\n  "));
		String script = """
				local cookies = {
				  %s
				}
				local pages = { "%s", "%s" }
				local counter = 0
				request = function()
				  counter = counter + 1
				  local cookie = cookies[(counter %% #cookies) + 1]
				  local page = pages[(math.floor(counter / #cookies) %% 2) + 1]
				  return wrk.format("GET", page, { ["Cookie"] = cookie,
				    ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
				    ["Sec-Fetch-Dest"] = "document" })
				end
				done = function(summary, latency, requests)
				  local e = summary.errors
				  io.write(string.format("RESULT %%d %%d %%d %%d\\n", summary.requests, summary.duration,
				    latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
				end
				""".formatted(table, pages.get(0), pages.get(1));
		Files.createDirectories(directory);
		Path file = directory.resolve(name + ".lua");
		Files.writeString(file, script);
		return file;
	}

	Result run(String baseUrl, Path script, int seconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(this.pinning);
		command.addAll(List.of("wrk", "-t" + this.threads, "-c" + this.connections, "-d" + seconds + "s", "--timeout",
				"5s", "-s", script.toString(), baseUrl));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		Result result = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
				if (line.startsWith("RESULT ")) {
					String[] values = line.substring(7).trim().split(" ");
					result = new Result(Long.parseLong(values[0]), Long.parseLong(values[1]),
							Long.parseLong(values[2]), Long.parseLong(values[3]));
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || result == null) {
			throw new IllegalStateException("wrk failed (" + exit + "):\n" + output);
		}
		return result;
	}

}
