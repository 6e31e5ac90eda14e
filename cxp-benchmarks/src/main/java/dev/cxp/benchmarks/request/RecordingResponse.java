package dev.cxp.benchmarks.request;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A response that only records the headers added to it. {@link MockHttpServletResponse} parses every
 * {@code Set-Cookie} it is given into a cookie object, which would put the mock's cost into the figure
 * of a request that writes cookies; a real server only copies the header.
 */
public class RecordingResponse extends HttpServletResponseWrapper {

	private final List<String> headers = new ArrayList<>();

	/**
	 * Create an empty response.
	 */
	public RecordingResponse() {
		super(new MockHttpServletResponse());
	}

	@Override
	public void addHeader(String name, String value) {
		this.headers.add(name);
		this.headers.add(value);
	}

	@Override
	public void setHeader(String name, String value) {
		addHeader(name, value);
	}

	/**
	 * The headers added since the last {@link #clear()}, as name and value in turn.
	 * @return the headers
	 */
	public List<String> headers() {
		return this.headers;
	}

	/**
	 * Forget the headers added so far, keeping the list's capacity.
	 */
	public void clear() {
		this.headers.clear();
	}

}
