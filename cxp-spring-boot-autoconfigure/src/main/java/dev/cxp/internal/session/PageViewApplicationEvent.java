package dev.cxp.internal.session;

import org.springframework.context.ApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

import dev.cxp.session.PageViewEvent;

/**
 * A {@link PageViewEvent} wrapped the way an application context wraps it when it is published, with its
 * event type resolved once: the context would otherwise resolve {@code PayloadApplicationEvent<PageViewEvent>}
 * by reflection for every page view. Listeners see the same type, payload and source.
 */
final class PageViewApplicationEvent extends PayloadApplicationEvent<PageViewEvent> {

	private static final ResolvableType PAYLOAD_TYPE = ResolvableType.forClass(PageViewEvent.class);

	static final ResolvableType EVENT_TYPE = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class,
			PAYLOAD_TYPE);

	PageViewApplicationEvent(ApplicationContext context, PageViewEvent event) {
		super(context, event, PAYLOAD_TYPE);
	}

	@Override
	public ResolvableType getResolvableType() {
		return EVENT_TYPE;
	}

}
