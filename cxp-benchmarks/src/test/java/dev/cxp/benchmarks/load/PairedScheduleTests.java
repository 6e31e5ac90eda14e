package dev.cxp.benchmarks.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxp.benchmarks.load.PairedSchedule.Pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PairedSchedule}.
 */
class PairedScheduleTests {

	private static final List<Variant> USER = Variant.of(AppShape.USER);

	@Test
	void everyRoundDrivesEachVariantOnceWithABaselineAndTheTwoBaselinesTogether() {
		for (int round = 0; round < 6; round++) {
			List<Pair> slices = PairedSchedule.round(USER, round);
			assertThat(slices).hasSize(5);
			assertThat(slices).map(Pair::variant)
				.containsExactlyInAnyOrder(Variant.USER_STARTER, Variant.USER_STARTER_AGAIN,
						Variant.USER_SPRING_SESSION, Variant.USER_HAND_WRITTEN, Variant.USER_DISABLED_AGAIN);
			assertThat(slices).map(Pair::baseline)
				.containsOnly(Variant.USER_DISABLED, Variant.USER_DISABLED_AGAIN);
			assertThat(slices).contains(new Pair(Variant.USER_DISABLED_AGAIN, Variant.USER_DISABLED));
		}
	}

	@Test
	void eachVariantMeetsBothBaselinesInTurnAndTheTwoStarterJvmsNeverTheSameOne() {
		for (int round = 0; round < 4; round++) {
			List<Pair> slices = PairedSchedule.round(USER, round);
			Variant starterPartner = partner(slices, Variant.USER_STARTER);
			assertThat(partner(slices, Variant.USER_STARTER_AGAIN)).isNotEqualTo(starterPartner);
			assertThat(partner(PairedSchedule.round(USER, round + 1), Variant.USER_STARTER))
				.isNotEqualTo(starterPartner);
			assertThat(partner(PairedSchedule.round(USER, round + 1), Variant.USER_SPRING_SESSION))
				.isNotEqualTo(partner(slices, Variant.USER_SPRING_SESSION));
		}
	}

	@Test
	void theOrderOfTheSlicesRotates() {
		Set<Variant> firsts = new HashSet<>();
		List<List<Pair>> rounds = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			rounds.add(PairedSchedule.round(USER, round));
			firsts.add(rounds.get(round).get(0).variant());
		}
		assertThat(firsts).hasSize(5);
	}

	@Test
	void aPairOfVariantsIsOneSlice() {
		assertThat(PairedSchedule.round(List.of(Variant.USER_STARTER, Variant.USER_DISABLED), 3))
			.containsExactly(new Pair(Variant.USER_STARTER, Variant.USER_DISABLED));
	}

	@Test
	void withoutTheBaselineThereIsNothingToPairWith() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairedSchedule.round(List.of(Variant.USER_STARTER, Variant.USER_DISABLED_AGAIN), 0));
	}

	private static Variant partner(List<Pair> slices, Variant variant) {
		return slices.stream().filter((pair) -> pair.variant() == variant).findFirst().orElseThrow().baseline();
	}

}
