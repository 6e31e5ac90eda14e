package dev.cxp.benchmarks.load;

/**
 * A report of one set's rounds of the load benchmark: rotated, simultaneous or paired rounds
 * ({@link LoadReport}), or quiet slices ({@link QuietSliceReport}).
 */
sealed interface RoundsReport permits LoadReport, QuietSliceReport {

	/**
	 * Print the summary of the rounds, after the rounds themselves.
	 */
	void printSummary();

}
