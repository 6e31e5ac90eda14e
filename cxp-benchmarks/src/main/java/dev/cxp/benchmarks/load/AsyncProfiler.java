package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * async-profiler, from its Maven Central jar (which ships the native library), driven in a server JVM
 * through the attach mechanism as its own launcher does: start an event, stop into a collapsed-stacks
 * file.
 *
 * @since 0.2.0
 */
final class AsyncProfiler {

	/**
	 * CPU time between two CPU samples: a sample stands for this much CPU time.
	 */
	static final int CPU_INTERVAL_MICROS = 1000;

	private static final int ALLOC_INTERVAL_BYTES = 32 * 1024;

	private final String library;

	private AsyncProfiler(Path library) {
		this.library = library.toAbsolutePath().toString();
	}

	/**
	 * Copy the native library for this machine out of the class path.
	 * @param directory where to put it
	 * @return the profiler
	 * @throws IOException when there is no library for this machine or it cannot be copied
	 */
	static AsyncProfiler extract(Path directory) throws IOException {
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String platform = switch (arch) {
			case "amd64", "x86_64" -> "linux-x64";
			case "aarch64", "arm64" -> "linux-arm64";
			default -> throw new IOException("async-profiler has no library for " + arch);
		};
		if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
			throw new IOException("Profiling under load needs Linux");
		}
		Files.createDirectories(directory);
		Path library = directory.resolve("libasyncProfiler.so");
		try (InputStream in = AsyncProfiler.class.getResourceAsStream("/" + platform + "/libasyncProfiler.so")) {
			if (in == null) {
				throw new IOException("async-profiler's library is not on the class path: build the benchmarks jar");
			}
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
		}
		return new AsyncProfiler(library);
	}

	/**
	 * Start profiling one event in a server.
	 * @param server the server
	 * @param event {@code cpu} (a sample per millisecond of CPU time) or {@code alloc} (a sample per 32 KiB
	 * allocated, weighed in bytes)
	 * @throws IOException when the profiler cannot start
	 */
	void start(SampleServer server, String event) throws IOException {
		String options = "cpu".equals(event) ? "start,event=cpu,interval=" + CPU_INTERVAL_MICROS + "us"
				: "start,event=alloc,alloc=" + ALLOC_INTERVAL_BYTES;
		server.probe().loadAgent(this.library, options);
	}

	/**
	 * Stop profiling and write what was collected as collapsed stacks, one line per distinct stack with
	 * its samples (or, for allocation, its bytes).
	 * @param server the server
	 * @param file where to write
	 * @param total whether to weigh stacks by the event's total (bytes for allocation) rather than count
	 * samples
	 * @throws IOException when the profiler cannot stop
	 */
	void stop(SampleServer server, Path file, boolean total) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		server.probe().loadAgent(this.library,
				"stop,collapsed," + (total ? "total," : "") + "file=" + file.toAbsolutePath());
	}

}
