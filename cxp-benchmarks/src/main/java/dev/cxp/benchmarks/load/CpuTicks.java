package dev.cxp.benchmarks.load;

/**
 * CPU time of a process in clock ticks, split as the kernel accounts it: in the process's own code (user) and
 * in the kernel on its behalf (system: for a server, mostly the loopback TCP of its requests); and, counted
 * in both, the share of the JVM's JIT compiler threads. Compiling is a cost of warming up, not of serving a
 * request, yet a JVM compiles again in bursts after every change of load (a slice that starts after its JVM
 * idled, new connections), so each slice is also reported without it.
 *
 * @param user the ticks in user mode
 * @param system the ticks in kernel mode
 * @param compiler the ticks of the JIT compiler threads, user and kernel mode, part of the two above
 */
record CpuTicks(long user, long system, long compiler) {

	/**
	 * Ticks of a process whose compiler threads are not counted apart.
	 * @param user the ticks in user mode
	 * @param system the ticks in kernel mode
	 */
	CpuTicks(long user, long system) {
		this(user, system, 0);
	}

	/**
	 * The ticks of a process or thread from its {@code /proc/.../stat} line, without a compiler share.
	 * @param stat the line
	 * @return its user and system ticks
	 */
	static CpuTicks parse(String stat) {
		// Fields after the command name, which is in parentheses and may contain spaces and parentheses
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new CpuTicks(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
	}

	/**
	 * The command name of a {@code /proc/.../stat} line: for a thread of a JVM, its name as far as the kernel
	 * keeps it (15 characters).
	 * @param stat the line
	 * @return the name
	 */
	static String name(String stat) {
		return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
	}

	/**
	 * Whether a {@code /proc/.../stat} line is that of a JIT compiler thread, named as HotSpot names them
	 * ({@code C2 CompilerThread0}, of which the kernel keeps 15 characters).
	 * @param stat the line of a thread of a JVM
	 * @return {@code true} for a C1 or C2 compiler thread
	 */
	static boolean isCompilerThread(String stat) {
		String name = name(stat);
		return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
	}

	/**
	 * When a process or thread started, in ticks after boot, from its {@code /proc/.../stat} line: with its id,
	 * it tells a thread from a later one that reuses the id.
	 * @param stat the line
	 * @return the start time
	 */
	static long startTime(String stat) {
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
	}

	/**
	 * The ticks of both modes.
	 * @return user plus system ticks
	 */
	long total() {
		return this.user + this.system;
	}

	/**
	 * The ticks of both modes outside the JIT compiler threads.
	 * @return user plus system ticks, less the compiler's
	 */
	long withoutCompiler() {
		return total() - this.compiler;
	}

	/**
	 * The ticks spent since an earlier reading.
	 * @param earlier the earlier reading of the same process
	 * @return the difference, part by part
	 */
	CpuTicks minus(CpuTicks earlier) {
		return new CpuTicks(this.user - earlier.user, this.system - earlier.system, this.compiler - earlier.compiler);
	}

}
