package dev.cxp.consent;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The raw values of the consent cookies one request carries, in order: a browser sends every variant of a
 * cookie (another {@code Domain}, another {@code Path}), so there may be several. Nothing is parsed here: the
 * {@link DefaultConsentResolver} reads each value once, with {@link ConsentCookieFormat}.
 *
 * @since 0.2.0
 */
public final class ConsentCookieValues {

	private static final ConsentCookieValues NONE = new ConsentCookieValues(null, null);

	private final @Nullable String first;

	// Only a browser holding several variants of the cookie sends more than one
	private final @Nullable List<String> more;

	private ConsentCookieValues(@Nullable String first, @Nullable List<String> more) {
		this.first = first;
		this.more = more;
	}

	/**
	 * No consent cookie.
	 * @return the empty values
	 */
	public static ConsentCookieValues none() {
		return NONE;
	}

	/**
	 * One consent cookie.
	 * @param value its value
	 * @return the values
	 */
	public static ConsentCookieValues of(String value) {
		return new ConsentCookieValues(value, null);
	}

	/**
	 * Several consent cookies.
	 * @param values their values, in the order the request sent them
	 * @return the values
	 */
	public static ConsentCookieValues of(List<String> values) {
		if (values.isEmpty()) {
			return NONE;
		}
		return new ConsentCookieValues(values.get(0),
				(values.size() > 1) ? List.copyOf(values.subList(1, values.size())) : null);
	}

	/**
	 * These values and one more.
	 * @param value the value of a further consent cookie
	 * @return the values
	 */
	public ConsentCookieValues and(String value) {
		if (this.first == null) {
			return of(value);
		}
		List<String> more = new ArrayList<>((this.more != null) ? this.more : List.of());
		more.add(value);
		return new ConsentCookieValues(this.first, more);
	}

	/**
	 * How many consent cookies the request carries.
	 * @return the count
	 */
	public int size() {
		return (this.first == null) ? 0 : 1 + ((this.more != null) ? this.more.size() : 0);
	}

	/**
	 * One value.
	 * @param index from 0 to {@link #size()} - 1
	 * @return the value
	 */
	public String get(int index) {
		if (index == 0 && this.first != null) {
			return this.first;
		}
		if (index > 0 && this.more != null && index - 1 < this.more.size()) {
			return this.more.get(index - 1);
		}
		throw new IndexOutOfBoundsException(index);
	}

	/**
	 * Every value.
	 * @return the values in order
	 */
	public List<String> asList() {
		List<String> all = new ArrayList<>(size());
		for (int i = 0; i < size(); i++) {
			all.add(get(i));
		}
		return all;
	}

}
