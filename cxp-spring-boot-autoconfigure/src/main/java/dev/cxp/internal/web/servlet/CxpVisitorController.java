package dev.cxp.internal.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * The current visitor as JSON, {@code GET {cxp.web.base-path}/visitor}, in the shape of
 * {@link CxpVisitorView}: what the browser script copies into local storage. The request is not a page
 * view, but it keeps the visitor id in step with consent like any other request: issued with consent when
 * missing, erased without it. Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class CxpVisitorController {

	private final VisitorRequestPath requestPath;

	/**
	 * Create the endpoint.
	 * @param requestPath the starter's request path, which the interceptor does not run under the base path
	 */
	public CxpVisitorController(VisitorRequestPath requestPath) {
		this.requestPath = requestPath;
	}

	/**
	 * The current visitor.
	 * @param request the request
	 * @param response its response, which may receive the visitor id cookie or its deletions
	 * @return the visitor
	 */
	@GetMapping("/visitor")
	public ResponseEntity<CxpVisitorView> visitor(HttpServletRequest request, HttpServletResponse response) {
		CxpVisitor visitor = this.requestPath.process(new ServletExchange(request, response), null);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CxpVisitorView.of(visitor));
	}

}
