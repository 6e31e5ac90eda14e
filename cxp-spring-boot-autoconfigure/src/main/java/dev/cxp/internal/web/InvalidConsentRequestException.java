package dev.cxp.internal.web;

import org.springframework.http.HttpStatus;

/**
 * A consent request the endpoint refuses, with the status to answer and a fixed description of the
 * problem. The description is text the starter wrote, never request input.
 */
public class InvalidConsentRequestException extends Exception {

	private final HttpStatus status;

	/**
	 * Create the exception.
	 * @param status the status to answer
	 * @param detail a fixed description of the problem, written by the starter
	 */
	public InvalidConsentRequestException(HttpStatus status, String detail) {
		super(detail, null, false, false);
		this.status = status;
	}

	/**
	 * The status to answer.
	 * @return the status
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

}
