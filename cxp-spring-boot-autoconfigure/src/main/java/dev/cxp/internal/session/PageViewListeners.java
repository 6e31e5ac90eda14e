package dev.cxp.internal.session;

import java.util.Collection;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;

import dev.cxp.session.PageViewEvent;

/**
 * Whether an application context has a listener for {@link PageViewEvent}s, so that the tracker builds and
 * publishes none when nobody listens. The answer is worked out from the context's listeners (those declared
 * as beans and those of {@code @EventListener} methods) and worked out again whenever their number changes,
 * as when a listener is added at run time (a listener removed and another added in its place between two
 * page views goes unnoticed until the number changes again). A listener bean that is not a singleton is not known until it is
 * created, so with one the answer is always yes.
 */
final class PageViewListeners {

	private final AbstractApplicationContext context;

	/**
	 * The number of listeners the answer was worked out for, shifted left by one, with the answer in the
	 * lowest bit: one field, so that no thread sees a count with another count's answer.
	 */
	private volatile long state = -1;

	PageViewListeners(AbstractApplicationContext context) {
		this.context = context;
	}

	/**
	 * Whether a listener would receive a page-view event published now.
	 * @return {@code false} only when no listener of the context supports the event
	 */
	boolean present() {
		if (!this.context.isActive()) {
			// Not refreshed yet (its listeners are still being registered) or closed: let the context decide
			return true;
		}
		Collection<ApplicationListener<?>> listeners = this.context.getApplicationListeners();
		int count = listeners.size();
		long known = this.state;
		if (known >= 0 && (known >>> 1) == count) {
			return (known & 1) != 0;
		}
		boolean present;
		try {
			present = anySupports(listeners);
		}
		catch (RuntimeException ex) {
			// The listeners changed while being read: publish, and look again on the next page view
			return true;
		}
		// Two threads may both work it out; both come to the same answer for the same listeners
		this.state = ((long) count << 1) | (present ? 1 : 0);
		return present;
	}

	private boolean anySupports(Collection<ApplicationListener<?>> listeners) {
		for (ApplicationListener<?> listener : listeners.toArray(new ApplicationListener<?>[0])) {
			GenericApplicationListener generic = (listener instanceof GenericApplicationListener adapted) ? adapted
					: new GenericApplicationListenerAdapter(listener);
			if (generic.supportsEventType(PageViewApplicationEvent.EVENT_TYPE)
					&& generic.supportsSourceType(this.context.getClass())) {
				return true;
			}
		}
		return hasListenerBeanOtherThanSingleton();
	}

	private boolean hasListenerBeanOtherThanSingleton() {
		ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
		for (String name : beanFactory.getBeanNamesForType(ApplicationListener.class, true, false)) {
			if (!beanFactory.isSingleton(name)) {
				return true;
			}
		}
		return false;
	}

}
