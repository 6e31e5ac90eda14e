package dev.cxp.visitor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.session.VisitSession;

/**
 * The JSON shape of a {@link CxpVisitor}, as {@code /cxp/visitor} answers it:
 * {@code {"visitorId":..., "consent":{"state":..., "source":..., "effective":...},
 * "session":{"id":..., "startedAt":..., "expiresAt":..., "previousPage":...}}}.
 *
 * @param visitorId the visitor id, {@code null} without consent
 * @param consent the consent decision and whether it is effective
 * @param session the live session, {@code null} without consent or before the first page view
 * @since 0.1.0
 */
public record CxpVisitorView(@Nullable String visitorId, Consent consent, @Nullable Session session) {

	/**
	 * The view of a visitor.
	 * @param visitor the visitor
	 * @return its view
	 */
	public static CxpVisitorView of(CxpVisitor visitor) {
		VisitSession session = visitor.session();
		return new CxpVisitorView(visitor.visitorId(),
				new Consent(visitor.consent().state(), visitor.consent().source(), visitor.consentEffective()),
				(session != null) ? new Session(session.id(), session.startedAt(), session.expiresAt(),
						session.previousPage()) : null);
	}

	/**
	 * The consent part of the view.
	 *
	 * @param state the consent state
	 * @param source where it came from
	 * @param effective whether it allows tracking
	 */
	public record Consent(ConsentState state, String source, boolean effective) {

	}

	/**
	 * The session part of the view.
	 *
	 * @param id the session id
	 * @param startedAt when the session started
	 * @param expiresAt when it ends without another page view
	 * @param previousPage the page before the latest one, {@code null} on the first
	 */
	public record Session(String id, Instant startedAt, Instant expiresAt, @Nullable String previousPage) {

	}

}
