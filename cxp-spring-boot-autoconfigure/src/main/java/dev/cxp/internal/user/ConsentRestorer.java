package dev.cxp.internal.user;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.visitor.CxpExchange;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.ConsentRecorder.Recorded;

/**
 * At a user's sign-in on a browser, brings the user's latest choice to it (SPEC S15.2), at the cost of one read of
 * the ledger:
 * <ul>
 * <li>a browser without a choice that counts now (no consent cookie, or one of an older revision) gets the latest
 * choice when it was made under the current revision, or when it is a refusal, since a refusal stays one under any
 * revision;</li>
 * <li>a browser whose own choice grants something gets the latest choice only when that is a refusal the browser
 * has not recorded already: a withdrawal made on any browser wins on every browser at its next sign-in;</li>
 * <li>otherwise the browser's own choice stands: it is never overwritten by a grant.</li>
 * </ul>
 * A restored choice is recorded like one made on the browser, with method {@code restored}. A ledger that fails or
 * is slow costs the sign-in nothing but the restoration: counted, and logged at most once a minute without
 * request data.
 */
public class ConsentRestorer {

	private final ConsentLedger ledger;

	private final ConsentRecorder recorder;

	private final ConsentCookieFormat format;

	private final String cookieName;

	private final AtomicLong restored = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(ConsentRestorer.class),
			Duration.ofMinutes(1));

	/**
	 * Create a restorer.
	 * @param ledger the consent ledger, behind its guard
	 * @param recorder records the restored choice
	 * @param cookieName the name of the consent cookie
	 */
	public ConsentRestorer(ConsentLedger ledger, ConsentRecorder recorder, String cookieName) {
		this.ledger = ledger;
		this.recorder = recorder;
		this.format = recorder.format();
		this.cookieName = cookieName;
	}

	/**
	 * Restore the user's latest choice on the browser of a request made just after sign-in, when it should be.
	 * @param exchange the request and its response, which receives the cookies of a restored choice
	 * @param userLink the link of the user who signed in
	 * @return the choice restored, or {@code null} when the browser's own choice stands
	 */
	public @Nullable Recorded restore(CxpExchange exchange, String userLink) {
		Optional<ConsentRecord> latest;
		try {
			latest = this.ledger.findLatestByUserLink(userLink);
		}
		catch (RuntimeException ex) {
			this.failures.incrementAndGet();
			this.warning.warn("The latest consent choice of a user who signed in could not be read; "
					+ "the browser keeps its own", ex);
			return null;
		}
		Map<String, ConsentState> states = latest.map((record) -> statesToRestore(exchange, record)).orElse(null);
		if (states == null) {
			return null;
		}
		Recorded recorded = this.recorder.restore(exchange, states);
		this.restored.incrementAndGet();
		return recorded;
	}

	private @Nullable Map<String, ConsentState> statesToRestore(CxpExchange exchange, ConsentRecord latest) {
		List<String> values = exchange.cookies(this.cookieName);
		Map<String, ConsentState> current = this.format.readCookies(values);
		if (current.isEmpty()) {
			if (latest.isRefusal()) {
				return refusal();
			}
			return this.format.revision().equals(latest.revision()) ? configured(latest.purposes()) : null;
		}
		if (latest.isRefusal() && current.containsValue(ConsentState.GRANTED) && !holds(values, latest.receiptId())) {
			return refusal();
		}
		return null;
	}

	private boolean holds(List<String> values, String receiptId) {
		for (String value : values) {
			ConsentCookie cookie = this.format.parse(value);
			if (cookie != null && receiptId.equals(cookie.receiptId())) {
				return true;
			}
		}
		return false;
	}

	private Map<String, ConsentState> refusal() {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		this.format.purposes().names().forEach((name) -> states.put(name, ConsentState.DENIED));
		return states;
	}

	private @Nullable Map<String, ConsentState> configured(Map<String, ConsentState> recorded) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		recorded.forEach((name, state) -> {
			if (this.format.purposes().contains(name) && state != ConsentState.UNSPECIFIED) {
				states.put(name, state);
			}
		});
		return states.isEmpty() ? null : states;
	}

	/**
	 * How many choices were restored since start-up.
	 * @return the count
	 */
	public long restored() {
		return this.restored.get();
	}

	/**
	 * How many restorations failed because the ledger could not be read, since start-up.
	 * @return the count
	 */
	public long failures() {
		return this.failures.get();
	}

}
