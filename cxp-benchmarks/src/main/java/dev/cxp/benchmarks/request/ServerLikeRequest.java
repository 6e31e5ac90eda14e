package dev.cxp.benchmarks.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * spring-test's mock request, with headers looked up the way a servlet container does it: a
 * case-insensitive scan of the few headers a request carries. The mock lower-cases every name it is asked
 * for, an allocation per lookup that a server does not make, which would otherwise count as the
 * starter's.
 */
public class ServerLikeRequest extends MockHttpServletRequest {

	private final List<String> names = new ArrayList<>();

	private final List<String> values = new ArrayList<>();

	/**
	 * Create a request.
	 * @param method the HTTP method
	 * @param requestUri the request URI
	 */
	public ServerLikeRequest(String method, String requestUri) {
		super(method, requestUri);
	}

	@Override
	public void addHeader(String name, Object value) {
		super.addHeader(name, value);
		this.names.add(name);
		this.values.add(value.toString());
	}

	@Override
	public String getHeader(String name) {
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).equalsIgnoreCase(name)) {
				return this.values.get(i);
			}
		}
		return null;
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		List<String> matching = new ArrayList<>(1);
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).equalsIgnoreCase(name)) {
				matching.add(this.values.get(i));
			}
		}
		return Collections.enumeration(matching);
	}

}
