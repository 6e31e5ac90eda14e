package dev.cxp.internal.user.servlet;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.cxp.internal.user.UserLinker;
import dev.cxp.internal.user.UserLinks;
import dev.cxp.internal.visitor.CxpExchange;

/**
 * The user signed in on the current request thread, as Spring Security's {@link SecurityContextHolder} holds it.
 * An anonymous authentication is nobody; a remembered one is the user.
 */
public final class SignedInUsers implements UserLinker {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final UserLinks links;

	/**
	 * Create the reader.
	 * @param links makes the link of a principal's name
	 */
	public SignedInUsers(UserLinks links) {
		this.links = links;
	}

	/**
	 * The name of the user signed in on this thread.
	 * @return the principal's name, or {@code null} when nobody is signed in
	 */
	public @Nullable String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			return null;
		}
		String name = authentication.getName();
		return (name == null || name.isEmpty()) ? null : name;
	}

	/**
	 * The link of a user.
	 * @param name the principal's name
	 * @return the link
	 */
	public String linkOf(String name) {
		return this.links.of(name);
	}

	/**
	 * The link of the user signed in on this thread.
	 * @return the link, or {@code null} when nobody is signed in
	 */
	public @Nullable String userLink() {
		String name = name();
		return (name != null) ? this.links.of(name) : null;
	}

	@Override
	public @Nullable String userLink(CxpExchange exchange) {
		return userLink();
	}

}
