package dev.cxp.session;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page view is a value, and the session policy it is applied with comes from the store.
 */
class PageVisitTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void equalPageViewsAreEqualAndSaySo() {
		PageVisit visit = new PageVisit("/about", T0);
		assertThat(visit).isEqualTo(new PageVisit("/about", T0)).hasSameHashCodeAs(new PageVisit("/about", T0));
		assertThat(visit).isNotEqualTo(new PageVisit("/about", T0.plusMillis(1)));
		assertThat(visit.toString()).contains("/about").contains(T0.toString());
	}

	@Test
	void theTimeoutAndSessionIdsAreTheCallers() {
		PageVisit visit = new PageVisit("/", T0);
		TrackedPageView started = visit.applyTo(null, Duration.ofMinutes(5), () -> "s1");
		assertThat(started.newSession()).isTrue();
		assertThat(started.session().id()).isEqualTo("s1");
		assertThat(started.session().expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		TrackedPageView slid = new PageVisit("/next", T0.plusSeconds(60)).applyTo(started.session(),
				Duration.ofMinutes(10), () -> "unused");
		assertThat(slid.newSession()).isFalse();
		assertThat(slid.session().id()).isEqualTo("s1");
		assertThat(slid.session().previousPage()).isEqualTo("/");
		assertThat(slid.session().expiresAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(10)));
	}

}
