package dev.cxp.internal.web.reactive;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.web.ConsentChoice;
import dev.cxp.internal.web.ConsentChoiceReader;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentView;
import dev.cxp.internal.web.InvalidConsentRequestException;
import dev.cxp.internal.web.SameOriginRequests;

/**
 * The consent endpoint of a WebFlux application, {@code {cxp.web.base-path}/consent}, with the wire format and
 * refusals of the Spring MVC one: {@code GET} tells the current consent, {@code PUT} records a choice,
 * {@code DELETE} withdraws consent; 403 when another site sent a change, 415 when the body is not declared as
 * JSON, 400 when it is not a choice. At most {@value ConsentChoiceReader#MAX_BODY_BYTES} bytes of a body are read.
 * Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ReactiveConsentController {

	private static final CacheControl NO_STORE = CacheControl.noStore();

	private final ReactiveConsentPolicy policy;

	private final ReactiveConsentRecorder recorder;

	private final ConsentChoiceReader choiceReader;

	private final @Nullable GoogleConsentModes consentModes;

	/**
	 * Create the endpoint.
	 * @param policy decides the current consent
	 * @param recorder records choices
	 * @param consentModes the Google Consent Mode signals its answers carry, {@code null} when they are off
	 */
	public ReactiveConsentController(ReactiveConsentPolicy policy, ReactiveConsentRecorder recorder,
			@Nullable GoogleConsentModes consentModes) {
		this.consentModes = consentModes;
		this.policy = policy;
		this.recorder = recorder;
		this.choiceReader = new ConsentChoiceReader(policy.policy().purposes());
	}

	/**
	 * The current consent, as decided for this request. Sets no cookie.
	 * @param exchange the exchange
	 * @return the consent
	 */
	@GetMapping("/consent")
	public Mono<ResponseEntity<ConsentView>> consent(ServerWebExchange exchange) {
		return this.policy.decide(new ReactiveConsentRequest(exchange))
			.map((consent) -> ResponseEntity.ok().cacheControl(NO_STORE).body(view(consent)));
	}

	/**
	 * Record the visitor's choice.
	 * @param exchange the exchange, with a JSON body such as {@code {"consent":"granted"}}
	 * @return the choice just recorded, or a problem
	 */
	@PutMapping("/consent")
	public Mono<ResponseEntity<?>> record(ServerWebExchange exchange) {
		InvalidConsentRequestException foreign = foreign(exchange);
		if (foreign != null) {
			return Mono.just(problem(foreign));
		}
		return body(exchange.getRequest()).flatMap((body) -> {
			ConsentChoice choice;
			try {
				choice = this.choiceReader.read(exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
						body);
			}
			catch (InvalidConsentRequestException ex) {
				return Mono.just(problem(ex));
			}
			return recorded(exchange, choice);
		});
	}

	/**
	 * Withdraw consent: the same as recording a denial.
	 * @param exchange the exchange
	 * @return the denial just recorded, or a problem
	 */
	@DeleteMapping("/consent")
	public Mono<ResponseEntity<?>> withdraw(ServerWebExchange exchange) {
		InvalidConsentRequestException foreign = foreign(exchange);
		if (foreign != null) {
			return Mono.just(problem(foreign));
		}
		return recorded(exchange, ConsentChoice.every(ConsentState.DENIED));
	}

	private static @Nullable InvalidConsentRequestException foreign(ServerWebExchange exchange) {
		URI uri = exchange.getRequest().getURI();
		String scheme = (uri.getScheme() != null) ? uri.getScheme() : "http";
		String host = (uri.getHost() != null) ? uri.getHost() : "";
		if (SameOriginRequests.isForeign(new ReactiveConsentRequest(exchange), scheme, host, uri.getPort())) {
			return new InvalidConsentRequestException(HttpStatus.FORBIDDEN,
					"Consent can only be changed by the site's own pages");
		}
		return null;
	}

	// As much of the body as a choice may take and a byte more, so that a longer one is told apart
	private static Mono<byte[]> body(ServerHttpRequest request) {
		int limit = ConsentChoiceReader.MAX_BODY_BYTES + 1;
		return DataBufferUtils.join(request.getBody(), limit).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(new byte[limit]))
			.onErrorResume((ex) -> Mono.just(new byte[0]))
			.defaultIfEmpty(new byte[0]);
	}

	private Mono<ResponseEntity<?>> recorded(ServerWebExchange exchange, ConsentChoice choice) {
		return this.recorder.record(new ReactiveExchange(exchange), choice)
			.<ResponseEntity<?>>map((recorded) -> ResponseEntity.ok().cacheControl(NO_STORE).body(view(recorded)));
	}

	private ConsentView view(DecidedConsent consent) {
		return ConsentView.of(consent, this.policy.policy().purposes(), this.recorder.recorder().format().revision(),
				this.consentModes);
	}

	private static ResponseEntity<?> problem(InvalidConsentRequestException ex) {
		return ResponseEntity.status(ex.getStatus())
			.cacheControl(NO_STORE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ConsentProblem.of(ex.getStatus(), ex.getMessage()));
	}

}
