package dev.cxp.internal.user.servlet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SignInMark}: when a request is a sign-in, and when the visitor id link is written again.
 */
class SignInMarkTests {

	private static final Instant CHECKED = Instant.parse("2026-03-01T10:00:00Z");

	private static final Duration REFRESH_AFTER = Duration.ofMinutes(15);

	private final SignInMark mark = new SignInMark("alice", "a".repeat(64), "visitor-a", CHECKED.toEpochMilli());

	@Test
	void signInIsASessionWithoutAMarkOrWithTheMarkOfAnotherUser() {
		assertThat(SignInMark.isSignIn(null, "alice")).isTrue();
		assertThat(SignInMark.isSignIn(this.mark, "bob")).isTrue();
		assertThat(SignInMark.isSignIn(this.mark, "alice")).isFalse();
	}

	@Test
	void linkIsWrittenAgainForAnotherVisitorIdOrOnceEveryRefreshPeriod() {
		assertThat(this.mark.isDue("visitor-a", CHECKED.plus(REFRESH_AFTER).minusMillis(1), REFRESH_AFTER)).isFalse();
		assertThat(this.mark.isDue("visitor-a", CHECKED.plus(REFRESH_AFTER), REFRESH_AFTER)).isTrue();
		assertThat(this.mark.isDue("visitor-b", CHECKED, REFRESH_AFTER)).isTrue();
		assertThat(this.mark.isDue(null, CHECKED, REFRESH_AFTER)).isFalse();
		SignInMark untracked = new SignInMark("alice", "a".repeat(64), null, CHECKED.toEpochMilli());
		assertThat(untracked.isDue(null, CHECKED.plus(Duration.ofDays(1)), REFRESH_AFTER)).isFalse();
		assertThat(untracked.isDue("visitor-a", CHECKED, REFRESH_AFTER)).isTrue();
	}

	@Test
	void markSurvivesASessionStoreThatSerializesIt() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(this.mark);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(in.readObject()).isEqualTo(this.mark);
		}
	}

}
