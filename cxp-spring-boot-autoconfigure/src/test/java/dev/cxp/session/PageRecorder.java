package dev.cxp.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Records the page of every page-view event, for tests of what is recorded.
 */
@Configuration(proxyBeanMethods = false)
class PageRecorder {

	final List<String> pages = new CopyOnWriteArrayList<>();

	@EventListener
	void pageViewed(PageViewEvent event) {
		this.pages.add(event.page());
	}

}
