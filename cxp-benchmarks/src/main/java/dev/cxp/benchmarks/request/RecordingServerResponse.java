package dev.cxp.benchmarks.request;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * A reactive response that keeps its headers and cookies and writes nothing, as cheap as a server's, so that a
 * figure is the starter's cost: Spring's mock response builds an exception for its default body on each one.
 */
final class RecordingServerResponse extends AbstractServerHttpResponse {

	private static final DefaultDataBufferFactory BUFFERS = new DefaultDataBufferFactory();

	RecordingServerResponse() {
		super(BUFFERS);
	}

	@Override
	public <T> T getNativeResponse() {
		throw new UnsupportedOperationException("No server behind this response");
	}

	@Override
	protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
		return Mono.empty();
	}

	@Override
	protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return Mono.empty();
	}

	@Override
	protected void applyStatusCode() {
	}

	@Override
	protected void applyHeaders() {
	}

	@Override
	protected void applyCookies() {
	}

}
