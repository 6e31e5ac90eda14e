package dev.cxp.internal.visitor;

import org.jspecify.annotations.Nullable;

/**
 * What an erasure of a visitor did.
 *
 * @param visitorId the first valid visitor id that was erased, {@code null} when the request held none
 * @param serverDataErased whether the session store now holds nothing of the visitor: every session kept
 * under the request's first {@value VisitorIdentity#MAX_ERASED_VISITOR_IDS} valid ids (the id tracked among
 * them) was removed, or there was none to remove; {@code false} when the store failed
 * @since 0.2.0
 */
public record VisitorErasure(@Nullable String visitorId, boolean serverDataErased) {

	/**
	 * Nothing was erased: the request held no visitor id.
	 */
	public static final VisitorErasure NOTHING = new VisitorErasure(null, true);

}
