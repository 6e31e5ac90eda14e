package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drives a server with wrk, one thread over 16 keep-alive connections: returning visitors in turn, each sending
 * its cookies, alternating between the application's two pages as navigations.
 */
final class Wrk {

	private Wrk() {
	}

	/**
	 * What one run of wrk counted.
	 * @param requests the requests completed
	 * @param errors socket errors and answers other than 2xx and 3xx
	 */
	record Result(long requests, long errors) {

		/**
		 * Read the line the script's {@code done} function prints.
		 * @param line {@code RESULT}, the requests and the errors
		 * @return the result
		 */
		static Result parse(String line) {
			String[] values = line.substring("RESULT ".length()).trim().split(" ");
			return new Result(Long.parseLong(values[0]), Long.parseLong(values[1]));
		}

	}

	/**
	 * Write the wrk script of one server's load.
	 * @param directory where to write it
	 * @param name the script's name, without extension
	 * @param pages the two pages to alternate between
	 * @param cookies the returning visitors' {@code Cookie} headers, sent in turn
	 * @return the script
	 */
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
				  io.write(string.format("RESULT %%d %%d\\n", summary.requests,
				    e.connect + e.read + e.write + e.timeout + e.status))
				end
				""".formatted(table, pages.get(0), pages.get(1));
		Files.createDirectories(directory);
		return Files.writeString(directory.resolve(name + ".lua"), script);
	}

	/**
	 * Drive a server with a script.
	 * @param baseUrl the server
	 * @param script the script {@link #writeScript} wrote for it
	 * @param seconds how long
	 * @return what wrk counted
	 * @throws IllegalStateException when wrk fails or prints no result
	 */
	static Result run(String baseUrl, Path script, int seconds) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("wrk", "-t1", "-c16", "-d" + seconds + "s", "--timeout", "5s", "-s",
				script.toString(), baseUrl)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		return output.lines()
			.filter((line) -> exit == 0 && line.startsWith("RESULT "))
			.findFirst()
			.map(Result::parse)
			.orElseThrow(() -> new IllegalStateException("wrk failed (" + exit + "):\n" + output));
	}

}
