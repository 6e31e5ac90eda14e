package dev.cxp.internal.web.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.web.ConsentChoice;
import dev.cxp.internal.web.ConsentChoiceReader;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.ConsentView;
import dev.cxp.internal.web.InvalidConsentRequestException;
import dev.cxp.internal.web.SameOriginRequests;

/**
 * The consent endpoint, {@code {cxp.web.base-path}/consent}: {@code GET} tells the current consent,
 * {@code PUT} with {@code {"consent":"granted"}}, {@code {"consent":"denied"}} or
 * {@code {"purposes":{"analytics":"granted","ads":"denied"}}} records a choice, and
 * {@code DELETE} withdraws consent (the same as {@code PUT} with {@code denied}). Changes are refused with
 * 403 when another site, or a sibling subdomain, sent them (see {@link SameOriginRequests}), with 415 when the
 * body is not declared as JSON, and with 400 when it is not a choice; errors are
 * {@code application/problem+json} and never repeat the request's input. Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ConsentController {

	private static final CacheControl NO_STORE = CacheControl.noStore();

	private final ConsentPolicy policy;

	private final ConsentRecorder recorder;

	private final ConsentChoiceReader choiceReader;

	private final @Nullable GoogleConsentModes consentModes;

	/**
	 * Create the endpoint.
	 * @param policy decides the current consent
	 * @param recorder records choices
	 * @param consentModes the Google Consent Mode signals its answers carry, {@code null} when they are off
	 */
	public ConsentController(ConsentPolicy policy, ConsentRecorder recorder,
			@Nullable GoogleConsentModes consentModes) {
		this.policy = policy;
		this.recorder = recorder;
		this.choiceReader = new ConsentChoiceReader(policy.purposes());
		this.consentModes = consentModes;
	}

	/**
	 * The current consent, as decided for this request. Sets no cookie.
	 * @param request the request
	 * @return the consent
	 */
	@GetMapping("/consent")
	public ResponseEntity<ConsentView> consent(HttpServletRequest request) {
		return ResponseEntity.ok().cacheControl(NO_STORE).body(view(this.policy.decide(ServletConsentRequest.of(request))));
	}

	/**
	 * Record the visitor's choice.
	 * @param request the request, with a JSON body such as {@code {"consent":"granted"}}
	 * @param response its response, which receives the consent cookie and the visitor id cookie (issued on a
	 * grant, deleted on a denial)
	 * @return the choice just recorded, or a problem
	 */
	@PutMapping("/consent")
	public ResponseEntity<?> record(HttpServletRequest request, HttpServletResponse response) {
		try {
			requireSameOrigin(request);
			ConsentChoice choice = this.choiceReader.read(request.getContentType(),
					ConsentChoiceReader.readBody(request.getInputStream()));
			return recorded(request, response, choice);
		}
		catch (InvalidConsentRequestException ex) {
			return problem(ex);
		}
		catch (IOException ex) {
			return problem(new InvalidConsentRequestException(HttpStatus.BAD_REQUEST, "The body could not be read"));
		}
	}

	/**
	 * Withdraw consent: the same as recording a denial.
	 * @param request the request
	 * @param response its response, which receives the consent cookie and the visitor id deletions
	 * @return the denial just recorded, or a problem
	 */
	@DeleteMapping("/consent")
	public ResponseEntity<?> withdraw(HttpServletRequest request, HttpServletResponse response) {
		try {
			requireSameOrigin(request);
			return recorded(request, response, ConsentChoice.every(ConsentState.DENIED));
		}
		catch (InvalidConsentRequestException ex) {
			return problem(ex);
		}
	}

	private static void requireSameOrigin(HttpServletRequest request) throws InvalidConsentRequestException {
		if (SameOriginRequests.isForeign(ServletConsentRequest.of(request), request.getScheme(),
				request.getServerName(), request.getServerPort())) {
			throw new InvalidConsentRequestException(HttpStatus.FORBIDDEN,
					"Consent can only be changed by the site's own pages");
		}
	}

	private ResponseEntity<ConsentView> recorded(HttpServletRequest request, HttpServletResponse response,
			ConsentChoice choice) {
		DecidedConsent recorded = this.recorder.record(new ServletExchange(request, response), choice);
		return ResponseEntity.ok().cacheControl(NO_STORE).body(view(recorded));
	}

	private ConsentView view(DecidedConsent consent) {
		return ConsentView.of(consent, this.policy.purposes(), this.recorder.format().revision(), this.consentModes);
	}

	private static ResponseEntity<ConsentProblem> problem(InvalidConsentRequestException ex) {
		return ResponseEntity.status(ex.getStatus())
			.cacheControl(NO_STORE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ConsentProblem.of(ex.getStatus(), ex.getMessage()));
	}

}
