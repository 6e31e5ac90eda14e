package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw values of the consent cookies one request carries, in order: a browser sends every variant of a
 * cookie (another {@code Domain}, another {@code Path}), so there may be several. Nothing is parsed here: the
 * {@link DefaultConsentResolver} reads each value once, with {@link ConsentCookieFormat}. An interface, so that
 * the object that read the request's cookies can answer it without another allocation.
 *
 * @since 0.2.0
 */
public interface ConsentCookieValues {

	/**
	 * How many consent cookies the request carries.
	 * @return the count
	 */
	int size();

	/**
	 * One value.
	 * @param index from 0 to {@link #size()} - 1
	 * @return the value
	 */
	String get(int index);

	/**
	 * Every value.
	 * @return the values in order
	 */
	default List<String> asList() {
		List<String> all = new ArrayList<>(size());
		for (int i = 0; i < size(); i++) {
			all.add(get(i));
		}
		return all;
	}

	/**
	 * No consent cookie.
	 * @return the empty values
	 */
	static ConsentCookieValues none() {
		return ListedConsentCookieValues.NONE;
	}

	/**
	 * Given values.
	 * @param values the values, in the order the request sent them
	 * @return the values
	 */
	static ConsentCookieValues of(String... values) {
		return of(List.of(values));
	}

	/**
	 * Given values.
	 * @param values the values, in the order the request sent them
	 * @return the values
	 */
	static ConsentCookieValues of(List<String> values) {
		return values.isEmpty() ? ListedConsentCookieValues.NONE : new ListedConsentCookieValues(List.copyOf(values));
	}

}
