package dev.cxp.internal.actuate;

import java.time.Duration;

import org.apache.commons.logging.LogFactory;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.user.SubjectRequests;
import dev.cxp.internal.user.SubjectRequests.SubjectErasure;
import dev.cxp.internal.user.SubjectRequests.SubjectReport;

/**
 * Data subject requests through the {@code cxp} Actuator endpoint (SPEC S15.3): {@code GET
 * /actuator/cxp/subjects/{user}} answers an access request and {@code DELETE} the same path an erasure request, for
 * the user of that principal name. Reachable only over HTTP, and only as the application's Actuator exposure,
 * access and security settings allow. A store or ledger that fails answers 503, never a partial success.
 */
@EndpointWebExtension(endpoint = CxpEndpoint.class)
public class CxpSubjectsWebExtension {

	/**
	 * The path segment under the endpoint that names the data subjects.
	 */
	public static final String SUBJECTS = "subjects";

	private final SubjectRequests requests;

	private final ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(CxpSubjectsWebExtension.class),
			Duration.ofMinutes(1));

	/**
	 * Create the extension.
	 * @param requests answers the requests
	 */
	public CxpSubjectsWebExtension(SubjectRequests requests) {
		this.requests = requests;
	}

	/**
	 * Answer an access request: the user's consent records and the visit sessions of their visitor ids.
	 * @param kind {@value #SUBJECTS}
	 * @param user the principal's name
	 * @return the user's data, 404 for another path, 503 when the ledger or store failed
	 */
	@ReadOperation
	public WebEndpointResponse<SubjectReport> subject(@Selector String kind, @Selector String user) {
		if (!SUBJECTS.equals(kind)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return new WebEndpointResponse<>(this.requests.access(user));
		}
		catch (RuntimeException ex) {
			this.warning.warn("A data subject's access request failed", ex);
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

	/**
	 * Answer an erasure request: erase the sessions of the user's visitor ids and unlink their consent records.
	 * @param kind {@value #SUBJECTS}
	 * @param user the principal's name
	 * @return what was erased, 404 for another path, 503 when the ledger or store failed (the request may be
	 * repeated)
	 */
	@DeleteOperation
	public WebEndpointResponse<SubjectErasure> erase(@Selector String kind, @Selector String user) {
		if (!SUBJECTS.equals(kind)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return new WebEndpointResponse<>(this.requests.erase(user));
		}
		catch (RuntimeException ex) {
			this.warning.warn("A data subject's erasure request failed", ex);
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

}
