package dev.cxp.internal.cmp;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApplicableSectionIds}: the values of a {@code __gpp_sid} cookie up to their longest length, and
 * the value that copies of the cookie agree on.
 */
class ApplicableSectionIdsTests {

	@Test
	void readsAValueOfTheLongestLength() {
		String longest = "7,".repeat(ApplicableSectionIds.MAX_LENGTH / 2);
		assertThat(longest).hasSize(ApplicableSectionIds.MAX_LENGTH);
		assertThat(ApplicableSectionIds.parse(longest)).isEqualTo(Set.of(7));
		assertThat(ApplicableSectionIds.parse(longest + "8")).isNull();
	}

	@Test
	void readsIdsOfUpToThreeDigits() {
		assertThat(ApplicableSectionIds.parse("255")).isEqualTo(Set.of(255));
		assertThat(ApplicableSectionIds.parse("7 999")).isEqualTo(Set.of(7, 999));
		assertThat(ApplicableSectionIds.parse("1000")).isNull();
		assertThat(ApplicableSectionIds.parse("7,1000")).isEqualTo(Set.of(7));
	}

	@Test
	void copiesThatDisagreeAgreeOnNoValue() {
		assertThat(ApplicableSectionIds.agreed(List.of("2", "7"))).isNull();
		assertThat(ApplicableSectionIds.agreed(List.of("2", "junk", "-1"))).isNull();
	}

	@Test
	void copiesThatNameTheSameSectionsAgreeOnTheFirst() {
		assertThat(ApplicableSectionIds.agreed(List.of("2,7", "junk", "7_2"))).isEqualTo("2,7");
		assertThat(ApplicableSectionIds.agreed(List.of("", "-1"))).isEqualTo("-1");
	}

	@Test
	void noReadableCopyAgreesOnNoValue() {
		assertThat(ApplicableSectionIds.agreed(List.of())).isNull();
		assertThat(ApplicableSectionIds.agreed(List.of("junk", " "))).isNull();
	}

}
