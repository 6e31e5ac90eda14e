package dev.cxp.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default {@link VisitorSessionStore#type()}: an application's store is reported by its class's
 * simple name unless it names itself.
 */
class VisitorSessionStoreTypeTests {

	@Test
	void anApplicationsStoreIsReportedByItsSimpleClassName() {
		assertThat(new AuditedStore().type()).isEqualTo("AuditedStore");
	}

	private static final class AuditedStore implements VisitorSessionStore {

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			return null;
		}

		@Override
		public @Nullable VisitSession find(String visitorId, Instant now) {
			return null;
		}

		@Override
		public void remove(String visitorId) {
		}

		@Override
		public long size() {
			return 0;
		}

	}

}
