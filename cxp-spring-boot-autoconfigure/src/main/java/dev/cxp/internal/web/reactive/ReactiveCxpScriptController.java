package dev.cxp.internal.web.reactive;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.internal.web.CxpScript;

/**
 * Serves the browser script in a WebFlux application, {@code GET {cxp.web.base-path}/cxp.js}, as on Spring MVC:
 * {@code text/javascript} with a strong {@code ETag} and {@code Cache-Control: no-cache}; WebFlux answers 304
 * when the request's {@code If-None-Match} names the current tag.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ReactiveCxpScriptController {

	private static final MediaType TEXT_JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final CxpScript script;

	/**
	 * Create the endpoint.
	 * @param script the script to serve
	 */
	public ReactiveCxpScriptController(CxpScript script) {
		this.script = script;
	}

	/**
	 * The script.
	 * @return the script
	 */
	@GetMapping("/cxp.js")
	public ResponseEntity<byte[]> script() {
		return ResponseEntity.ok()
			.contentType(TEXT_JAVASCRIPT)
			.eTag(this.script.etag())
			.cacheControl(CacheControl.noCache())
			.header("X-Content-Type-Options", "nosniff")
			.body(this.script.content());
	}

}
