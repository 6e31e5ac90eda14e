package dev.cxp.internal.consent;

import java.util.List;

/**
 * {@link ConsentCookieValues} held in a list.
 */
final class ListedConsentCookieValues implements ConsentCookieValues {

	static final ConsentCookieValues NONE = new ListedConsentCookieValues(List.of());

	private final List<String> values;

	ListedConsentCookieValues(List<String> values) {
		this.values = values;
	}

	@Override
	public int size() {
		return this.values.size();
	}

	@Override
	public String get(int index) {
		return this.values.get(index);
	}

	@Override
	public List<String> asList() {
		return this.values;
	}

}
