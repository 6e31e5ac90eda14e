package dev.cxp.internal.user.servlet;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the HTTP session remembers of the follow-user check: which user it was made for, the visitor id linked to
 * them, and when. Kept as a session attribute, so that the ledger is read once per sign-in rather than once per
 * request. Serializable, with plain fields, for sessions kept in Redis or a database.
 *
 * @param userName the principal's name of the user checked, as the session's security context holds it anyway
 * @param userLink the link of that user
 * @param visitorId the visitor id linked to them then, {@code null} when none was
 * @param checkedAtMillis when, in milliseconds since the epoch
 */
record SignInMark(String userName, String userLink, @Nullable String visitorId, long checkedAtMillis) implements Serializable {

	/**
	 * The session attribute that holds the mark.
	 */
	static final String ATTRIBUTE = SignInMark.class.getName();

	/**
	 * Whether the mark is for another user than the one signed in now, which is a sign-in.
	 * @param mark the session's mark, {@code null} when it has none yet
	 * @param userName the name of the user signed in now
	 * @return {@code true} at the first request of a sign-in
	 */
	static boolean isSignIn(@Nullable SignInMark mark, String userName) {
		return mark == null || !mark.userName().equals(userName);
	}

	/**
	 * Whether the visitor id link should be written again: the browser carries another id, or the link's row
	 * would soon expire.
	 * @param visitorId the visitor id tracked now, {@code null} for none
	 * @param now the current time
	 * @param refreshAfter how long a written link is left alone
	 * @return whether to write the link
	 */
	boolean isDue(@Nullable String visitorId, Instant now, Duration refreshAfter) {
		if (visitorId != null && !visitorId.equals(this.visitorId)) {
			return true;
		}
		return this.visitorId != null && now.toEpochMilli() - this.checkedAtMillis >= refreshAfter.toMillis();
	}

}
