package dev.cxp;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CxpActivityListener} for tests that counts page views, started sessions and store failures.
 *
 * @author CXP
 */
public class CountingActivityListener implements CxpActivityListener {

	/**
	 * Page views tracked.
	 */
	public final AtomicInteger pageViews = new AtomicInteger();

	/**
	 * Sessions started.
	 */
	public final AtomicInteger sessionsStarted = new AtomicInteger();

	/**
	 * Store failures.
	 */
	public final AtomicInteger storeFailures = new AtomicInteger();

	@Override
	public void pageViewed() {
		this.pageViews.incrementAndGet();
	}

	@Override
	public void sessionStarted() {
		this.sessionsStarted.incrementAndGet();
	}

	@Override
	public void sessionStoreFailed() {
		this.storeFailures.incrementAndGet();
	}

}
