package dev.cxp.session;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session keeps its times exactly, ends exactly at its expiry, and is a value.
 */
class VisitSessionTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

	@Test
	void timesComeBackExactly() {
		Instant before1970 = Instant.parse("1969-12-31T23:59:59.999999999Z");
		VisitSession session = new VisitSession("s", before1970, T0, T0.plusNanos(1), "/a", "/b");
		assertThat(session.startedAt()).isEqualTo(before1970);
		assertThat(session.lastSeenAt()).isEqualTo(T0);
		assertThat(session.expiresAt()).isEqualTo(T0.plusNanos(1));
		assertThat(session.id()).isEqualTo("s");
		assertThat(session.previousPage()).isEqualTo("/a");
		assertThat(session.currentPage()).isEqualTo("/b");
	}

	@Test
	void endsExactlyAtItsExpiry() {
		Instant expiry = Instant.parse("1969-12-31T23:59:59.5Z");
		VisitSession session = new VisitSession("s", expiry.minusSeconds(60), expiry.minusSeconds(60), expiry,
				null, "/");
		assertThat(session.isExpiredAt(expiry.minusNanos(1))).isFalse();
		assertThat(session.isExpiredAt(expiry.minusSeconds(1))).isFalse();
		assertThat(session.isExpiredAt(expiry)).isTrue();
		assertThat(session.isExpiredAt(expiry.plusSeconds(1).minusNanos(600_000_000))).isTrue();
		assertThat(session.isExpiredAt(Instant.MAX)).isTrue();
		assertThat(session.isExpiredAt(Instant.MIN)).isFalse();
	}

	@Test
	void isAValue() {
		VisitSession session = new VisitSession("s", T0, T0, T0.plusSeconds(1), null, "/");
		VisitSession same = new VisitSession("s", T0, T0, T0.plusSeconds(1), null, "/");
		assertThat(session).isEqualTo(same).hasSameHashCodeAs(same);
		assertThat(session).isNotEqualTo(new VisitSession("s", T0, T0, T0.plusNanos(1_000_000_001), null, "/"));
		assertThat(session).isNotEqualTo(new VisitSession("s", T0, T0, T0.plusSeconds(1), "/", "/"));
		assertThat(session.toString()).contains("id=s").contains(T0.toString()).contains("currentPage=/");
	}

	@Test
	void aVeryLongTimeoutExpiresWhenItSays() {
		Duration centuries = Duration.ofDays(400 * 365);
		TrackedPageView forever = new PageVisit("/", T0).applyTo(null, centuries, () -> "s");
		assertThat(forever.session().expiresAt()).isEqualTo(T0.plus(centuries));
		assertThat(forever.session().isExpiredAt(T0.plus(Duration.ofDays(365)))).isFalse();
	}

}
