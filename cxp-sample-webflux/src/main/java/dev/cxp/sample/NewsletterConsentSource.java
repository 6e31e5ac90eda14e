package dev.cxp.sample;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;

/**
 * A consent signal of the site's own, added to the starter's chain rather than replacing it: the site's newsletter
 * preference page keeps a reader's refusal of personalized content in the cookie {@code newsletter_prefs} (value
 * {@code no-personalization}). The starter consults it after its own consent cookie, so a choice made in the banner
 * still wins, and Global Privacy Control and the required policy still apply.
 */
@Component
@Order(1)
class NewsletterConsentSource implements ConsentSource {

	@Override
	public String name() {
		return "newsletter";
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		return request.cookies("newsletter_prefs").contains("no-personalization")
				? Map.of("personalization", ConsentState.DENIED) : Map.of();
	}

}
