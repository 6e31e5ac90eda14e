package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompilerThreadTicks}, on a task directory laid out as Linux lays out
 * {@code /proc/<pid>/task}.
 */
class CompilerThreadTicksTests {

	@TempDir
	Path tasks;

	@Test
	void onlyCompilerThreadsAreCountedAndAStoppedOneKeepsItsLastTicks() throws IOException {
		CompilerThreadTicks compilerThreads = new CompilerThreadTicks(this.tasks);
		thread("101", "C2 CompilerThre", 30, 5, 1000);
		thread("102", "C1 CompilerThre", 10, 0, 1000);
		thread("103", "http-nio-18081-", 500, 200, 1100);
		assertThat(compilerThreads.read()).isEqualTo(45);
		// The JVM stops the C1 thread after it compiled a little more; the C2 thread goes on
		thread("102", "C1 CompilerThre", 12, 0, 1000);
		assertThat(compilerThreads.read()).isEqualTo(47);
		deleteThread("102");
		thread("101", "C2 CompilerThre", 40, 5, 1000);
		assertThat(compilerThreads.read()).isEqualTo(57);
	}

	@Test
	void aLaterThreadThatReusesAnIdIsCountedApart() throws IOException {
		CompilerThreadTicks compilerThreads = new CompilerThreadTicks(this.tasks);
		thread("201", "C2 CompilerThre", 50, 0, 1000);
		assertThat(compilerThreads.read()).isEqualTo(50);
		// The thread stopped and a new compiler thread got its id: it starts again from zero
		thread("201", "C2 CompilerThre", 3, 0, 9000);
		assertThat(compilerThreads.read()).isEqualTo(53);
	}

	private void thread(String id, String name, long user, long system, long startTime) throws IOException {
		Path thread = Files.createDirectories(this.tasks.resolve(id));
		Files.writeString(thread.resolve("stat"), id + " (" + name + ") S 1 1 1 0 -1 1077936192 0 0 0 0 " + user + " "
				+ system + " 0 0 20 0 40 0 " + startTime + " 5000000000 60000 0");
	}

	private void deleteThread(String id) throws IOException {
		Files.delete(this.tasks.resolve(id).resolve("stat"));
		Files.delete(this.tasks.resolve(id));
	}

}
