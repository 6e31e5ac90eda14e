package dev.cxp.internal.web;

import org.springframework.http.HttpStatus;

/**
 * The JSON body of a refused consent request, an RFC 9457 problem document such as
 * {@code {"type":"about:blank","title":"Bad Request","status":400,"detail":"..."}}. Unlike Spring's
 * {@code ProblemDetail} it carries no {@code instance}, so nothing of the request, not even its path, is
 * repeated in the answer.
 *
 * @param type the problem type, {@code about:blank}
 * @param title the status's reason phrase
 * @param status the HTTP status code
 * @param detail a fixed description of the problem, written by the starter
 * @since 0.1.0
 */
public record ConsentProblem(String type, String title, int status, String detail) {

	/**
	 * The problem of a status.
	 * @param status the status
	 * @param detail a fixed description of the problem, written by the starter
	 * @return the problem
	 */
	public static ConsentProblem of(HttpStatus status, String detail) {
		return new ConsentProblem("about:blank", status.getReasonPhrase(), status.value(), detail);
	}

}
