package dev.cxp.benchmarks.load;

/**
 * CPU time of a process in clock ticks, split as the kernel accounts it: in the process's own code (user) and
 * in the kernel on its behalf (system: for a server, mostly the loopback TCP of its requests).
 *
 * @param user the ticks in user mode
 * @param system the ticks in kernel mode
 */
record CpuTicks(long user, long system) {

	/**
	 * The ticks of both modes.
	 * @return user plus system ticks
	 */
	long total() {
		return this.user + this.system;
	}

	/**
	 * The ticks spent since an earlier reading.
	 * @param earlier the earlier reading of the same process
	 * @return the difference, mode by mode
	 */
	CpuTicks minus(CpuTicks earlier) {
		return new CpuTicks(this.user - earlier.user, this.system - earlier.system);
	}

}
