package dev.cxp.internal.cmp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the applicable section ids of a GPP string, as a {@code __gpp_sid} cookie holds them: ids separated by
 * commas, underscores or spaces, and {@code -1} for none.
 */
final class ApplicableSectionIds {

	/** Applicable section ids: more than GPP defines, fewer than a hostile cookie could list. */
	static final int MAX_LENGTH = 256;

	private static final int MAX_ID_DIGITS = 3;

	private ApplicableSectionIds() {
	}

	/**
	 * The section ids a value names.
	 * @param value the value, possibly {@code null}
	 * @return the ids, an empty set for {@code -1} (no section applies), or {@code null} when the value names
	 * no id it can read (then every section is read)
	 */
	static @Nullable Set<Integer> parse(@Nullable String value) {
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			return null;
		}
		Set<Integer> ids = new HashSet<>();
		boolean none = false;
		for (String token : value.split("[,_ ]")) {
			if (token.equals("-1")) {
				none = true;
			}
			else if (!token.isEmpty() && token.length() <= MAX_ID_DIGITS && token.chars().allMatch(Character::isDigit)) {
				ids.add(Integer.parseInt(token));
			}
		}
		if (none) {
			return Set.of();
		}
		return ids.isEmpty() ? null : ids;
	}

	/**
	 * The value to read a GPP string with, from every copy of the applicable-section-ids cookie: that of the
	 * readable copies when they all name the same sections, else {@code null}, so that every section is read.
	 * Unreadable copies are skipped. A copy planted beside the real one can so widen what is read, never
	 * narrow it.
	 * @param values the values of every copy of the applicable-section-ids cookie
	 * @return the value of the first readable copy, or {@code null}
	 */
	static @Nullable String agreed(List<String> values) {
		String agreed = null;
		Set<Integer> agreedIds = null;
		for (String value : values) {
			Set<Integer> ids = parse(value);
			if (ids == null) {
				continue;
			}
			if (agreedIds == null) {
				agreed = value;
				agreedIds = ids;
			}
			else if (!agreedIds.equals(ids)) {
				return null;
			}
		}
		return agreed;
	}

}
