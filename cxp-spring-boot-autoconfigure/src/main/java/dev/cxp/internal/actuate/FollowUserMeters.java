package dev.cxp.internal.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.internal.user.ConsentRestorer;
import dev.cxp.internal.user.SubjectRequests;

/**
 * The meters of consent that follows the signed-in user: {@code cxp.consent.restored} (choices restored at sign-in,
 * tag {@code outcome} = {@code restored} or {@code failed}) and {@code cxp.subjects.requests} (data subject requests
 * answered, tag {@code operation} = {@code access} or {@code erasure}). No tag names a user.
 */
public class FollowUserMeters implements MeterBinder {

	private final ConsentRestorer restorer;

	private final SubjectRequests requests;

	/**
	 * Create the meters.
	 * @param restorer counts restorations
	 * @param requests counts data subject requests
	 */
	public FollowUserMeters(ConsentRestorer restorer, SubjectRequests requests) {
		this.restorer = restorer;
		this.requests = requests;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("cxp.consent.restored", this.restorer, ConsentRestorer::restored)
			.tag("outcome", "restored")
			.description("Consent choices restored on a browser at its user's sign-in")
			.register(registry);
		FunctionCounter.builder("cxp.consent.restored", this.restorer, ConsentRestorer::failures)
			.tag("outcome", "failed")
			.description("Consent choices restored on a browser at its user's sign-in")
			.register(registry);
		FunctionCounter.builder("cxp.subjects.requests", this.requests, SubjectRequests::accessRequests)
			.tag("operation", "access")
			.description("Data subject requests answered")
			.register(registry);
		FunctionCounter.builder("cxp.subjects.requests", this.requests, SubjectRequests::erasureRequests)
			.tag("operation", "erasure")
			.description("Data subject requests answered")
			.register(registry);
	}

}
