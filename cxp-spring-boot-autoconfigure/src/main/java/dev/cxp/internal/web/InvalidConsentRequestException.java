package dev.cxp.internal.web;

import org.springframework.http.HttpStatus;

/**
 * A consent request the endpoint refuses, with the status to answer and a fixed description of the
 * problem. The description is text the starter wrote, never request input.
 */
public class InvalidConsentRequestException extends Exception {

	private final HttpStatus status;

	InvalidConsentRequestException(HttpStatus status, String detail) {
		super(detail, null, false, false);
		this.status = status;
	}

	HttpStatus getStatus() {
		return this.status;
	}

}
