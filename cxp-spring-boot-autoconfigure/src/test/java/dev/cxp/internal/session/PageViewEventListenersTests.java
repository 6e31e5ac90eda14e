package dev.cxp.internal.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.VisitSession;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker publishes a {@link PageViewEvent} only to a context that has a listener for it, and every kind of
 * listener still receives it: {@code @EventListener} methods, listener beans, and listeners added at run time.
 */
class PageViewEventListenersTests {

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	@Test
	void noEventIsPublishedWithoutAListenerForIt() {
		try (AnnotationConfigApplicationContext context = context(Unrelated.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), tracker.now());
			assertThat(pageViewsMulticast(context)).isZero();
			assertThat(context.getBean(Unrelated.class).received).hasValue(1);
		}
	}

	@Test
	void eventListenerMethodsReceiveEveryPageView() {
		try (AnnotationConfigApplicationContext context = context(MethodListener.class)) {
			SessionTracker tracker = tracker(context);
			VisitSession first = tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), tracker.now());
			List<PageViewEvent> received = context.getBean(MethodListener.class).received;
			assertThat(received).hasSize(2);
			assertThat(received.get(0)).isEqualTo(
					new PageViewEvent(VISITOR, first.id(), "/", null, true, this.clock.instant()));
			assertThat(received.get(1).page()).isEqualTo("/about");
			assertThat(received.get(1).previousPage()).isEqualTo("/");
		}
	}

	@Test
	void listenerBeansOfThePayloadEventReceiveEveryPageView() {
		try (AnnotationConfigApplicationContext context = context(BeanListener.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			assertThat(context.getBean(BeanListener.class).received).hasSize(1);
		}
	}

	@Test
	void listenersOfAllEventsReceivePageViews() {
		try (AnnotationConfigApplicationContext context = context(AllEvents.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			assertThat(context.getBean(AllEvents.class).pageViews).hasValue(1);
		}
	}

	@Test
	void listenerBeansThatAreNotSingletonsAreAssumedToListen() {
		try (AnnotationConfigApplicationContext context = context(PrototypeListenerConfiguration.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			assertThat(pageViewsMulticast(context)).isOne();
		}
	}

	@Test
	void aListenerAddedAtRunTimeReceivesTheFollowingPageViews() {
		try (AnnotationConfigApplicationContext context = context(Unrelated.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			List<PageViewEvent> received = new CopyOnWriteArrayList<>();
			context.addApplicationListener(
					(ApplicationListener<PayloadApplicationEvent<PageViewEvent>>) (event) -> received
						.add(event.getPayload()));
			tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), tracker.now());
			assertThat(received).extracting(PageViewEvent::page).containsExactly("/about");
		}
	}

	@Test
	void listenersOfAParentContextReceiveThePageViewAsTheirOwnContextPublishesIt() {
		try (AnnotationConfigApplicationContext parent = context(BeanListener.class);
				AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
			child.setParent(parent);
			child.register(BeanListener.class);
			child.refresh();
			SessionTracker tracker = tracker(child);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			assertThat(child.getBean(BeanListener.class).sources).containsExactly(child);
			// As for any payload the child publishes: the parent wraps it itself, as coming from the parent
			assertThat(parent.getBean(BeanListener.class).sources).containsExactly(parent);
			assertThat(parent.getBean(BeanListener.class).received).extracting(PageViewEvent::page)
				.containsExactly("/");
		}
	}

	private SessionTracker tracker(AbstractApplicationContext context) {
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(Duration.ofMinutes(30), () -> "session",
				this.clock, 100, Long.MAX_VALUE);
		return new SessionTracker(store, this.clock, false, context, new CxpActivityListener() {
		});
	}

	private static AnnotationConfigApplicationContext context(Class<?> configuration) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				CountingMulticaster.class);
		context.register(configuration);
		context.refresh();
		return context;
	}

	private static int pageViewsMulticast(AbstractApplicationContext context) {
		return context.getBean(CountingMulticaster.class).pageViews.get();
	}

	static class CountingMulticaster extends SimpleApplicationEventMulticaster {

		final AtomicInteger pageViews = new AtomicInteger();

		@Override
		public void multicastEvent(ApplicationEvent event, @Nullable ResolvableType eventType) {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PageViewEvent) {
				this.pageViews.incrementAndGet();
			}
			super.multicastEvent(event, eventType);
		}

	}

	static class Unrelated implements ApplicationListener<ContextRefreshedEvent> {

		final AtomicInteger received = new AtomicInteger();

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
			this.received.incrementAndGet();
		}

	}

	static class MethodListener {

		final List<PageViewEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void onPageView(PageViewEvent event) {
			this.received.add(event);
		}

	}

	static class BeanListener implements ApplicationListener<PayloadApplicationEvent<PageViewEvent>> {

		final List<PageViewEvent> received = new CopyOnWriteArrayList<>();

		final List<Object> sources = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<PageViewEvent> event) {
			this.received.add(event.getPayload());
			this.sources.add(event.getSource());
		}

	}

	static class AllEvents implements ApplicationListener<ApplicationEvent> {

		final AtomicInteger pageViews = new AtomicInteger();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PageViewEvent) {
				this.pageViews.incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeListenerConfiguration {

		@Bean
		@Scope("prototype")
		BeanListener prototypeListener() {
			return new BeanListener();
		}

	}

}
