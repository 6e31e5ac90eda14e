package dev.cxp.internal.web.servlet;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.internal.web.CxpScript;

/**
 * Serves the browser script, {@code GET {cxp.web.base-path}/cxp.js}, as {@code text/javascript} with a
 * strong {@code ETag} and {@code Cache-Control: no-cache}: browsers keep a copy but revalidate it on each
 * use, and a request whose {@code If-None-Match} names the current tag is answered 304 without a body. A
 * new release of the starter therefore reaches every browser at once.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class CxpScriptController {

	private static final MediaType TEXT_JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final CxpScript script;

	/**
	 * Create the endpoint.
	 * @param script the script to serve
	 */
	public CxpScriptController(CxpScript script) {
		this.script = script;
	}

	/**
	 * The script. Spring MVC answers 304 when the request's {@code If-None-Match} names its entity tag.
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
