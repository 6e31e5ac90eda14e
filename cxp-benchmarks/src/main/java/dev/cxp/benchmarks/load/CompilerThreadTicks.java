package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU ticks of one JVM's JIT compiler threads so far, from each thread's {@code /proc/<pid>/task/<tid>/stat}.
 * The JVM starts and stops compiler threads as its compile queue grows and shrinks, and a stopped thread leaves
 * no {@code stat}: each thread seen keeps the ticks last read for it (so a thread's last ticks before it stops
 * are counted as the process's other work), and a thread is known by its id and start time, so that a later
 * thread that reuses the id is counted apart.
 */
final class CompilerThreadTicks {

	private final Path tasks;

	private final Map<String, Long> ticksByThread = new HashMap<>();

	/**
	 * Read the compiler threads of a process.
	 * @param tasks the process's {@code /proc/<pid>/task} directory
	 */
	CompilerThreadTicks(Path tasks) {
		this.tasks = tasks;
	}

	/**
	 * The ticks of every compiler thread seen so far, read again now.
	 * @return user and system ticks, summed over the threads
	 * @throws IOException when the directory cannot be listed (the process ended)
	 */
	long read() throws IOException {
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(this.tasks)) {
			for (Path thread : threads) {
				String stat;
				try {
					stat = Files.readString(thread.resolve("stat"));
				}
				catch (IOException ex) {
					// The thread ended since the directory was listed
					continue;
				}
				if (CpuTicks.isCompilerThread(stat)) {
					String id = thread.getFileName() + "@" + CpuTicks.startTime(stat);
					this.ticksByThread.merge(id, CpuTicks.parse(stat).total(), Math::max);
				}
			}
		}
		return this.ticksByThread.values().stream().mapToLong(Long::longValue).sum();
	}

}
