package dev.cxp.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import dev.cxp.benchmarks.load.Variant.Role;

/**
 * The slices of one round of paired load ({@code --paired}): every variant that is not a baseline is
 * driven at the same time as one baseline JVM, two JVMs at once, so that each difference is taken over the
 * same seconds of the machine and under the load of one server per core, rather than six servers sharing
 * two cores. With two baseline JVMs the partners alternate from round to round (each variant meets both,
 * so that neither baseline JVM's own JIT outcome is in every figure of a variant), and one slice drives the
 * two baselines together, the A/A spread. The order of the slices rotates from round to round.
 */
final class PairedSchedule {

	private PairedSchedule() {
	}

	/**
	 * The slices of a round.
	 * @param variants the variants that run, at least one of them a baseline
	 * @param round the round, from zero
	 * @return the pairs to drive one after the other, each pair at once
	 */
	static List<Pair> round(List<Variant> variants, int round) {
		List<Variant> baselines = variants.stream()
			.filter((variant) -> variant.role() == Role.BASELINE || variant.role() == Role.BASELINE_AGAIN)
			.sorted((one, other) -> one.role().compareTo(other.role()))
			.toList();
		if (baselines.isEmpty() || baselines.get(0).role() != Role.BASELINE) {
			throw new IllegalArgumentException("Paired load needs the baseline variant");
		}
		List<Pair> slices = new ArrayList<>();
		int others = 0;
		for (Variant variant : variants) {
			if (!baselines.contains(variant)) {
				slices.add(new Pair(variant, baselines.get((round + others) % baselines.size())));
				others++;
			}
		}
		if (baselines.size() > 1) {
			slices.add(new Pair(baselines.get(1), baselines.get(0)));
		}
		List<Pair> rotated = new ArrayList<>(slices.size());
		for (int i = 0; i < slices.size(); i++) {
			rotated.add(slices.get((round + i) % slices.size()));
		}
		return rotated;
	}

	/**
	 * Two JVMs driven at once.
	 * @param variant the variant measured
	 * @param baseline the baseline JVM it is measured against
	 */
	record Pair(Variant variant, Variant baseline) {
	}

}
