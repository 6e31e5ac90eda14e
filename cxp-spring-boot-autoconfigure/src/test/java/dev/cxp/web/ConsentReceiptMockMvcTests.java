package dev.cxp.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receipt endpoint and the recording of choices through MockMvc, with an application's own ledger that
 * notes every lookup: only the receipt id of the visitor's own cookie is ever looked up, and a failing ledger
 * never fails a choice.
 */
@SpringBootTest(classes = { TestSite.class, ConsentReceiptMockMvcTests.Ledger.class },
		properties = "cxp.consent.ledger.enabled=true")
@AutoConfigureMockMvc
class ConsentReceiptMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingLedger ledger;

	@Autowired
	ConsentLedgerCounters counters;

	@BeforeEach
	void reset() {
		this.ledger.lookups.clear();
		this.ledger.failing.set(false);
	}

	@Test
	void onlyTheOwnCookiesReceiptIsLookedUp() throws Exception {
		Cookie mine = grant();
		Cookie theirs = grant();
		String myReceipt = mine.getValue().substring(mine.getValue().length() - 32);
		String theirReceipt = theirs.getValue().substring(theirs.getValue().length() - 32);
		this.mvc.perform(get("/cxp/consent/receipt").cookie(mine).param("receiptId", theirReceipt))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receiptId").value(myReceipt));
		this.mvc.perform(get("/cxp/consent/receipt").param("receiptId", theirReceipt).header("X-Receipt", theirReceipt))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		assertThat(this.ledger.lookups).containsExactly(myReceipt);
	}

	@Test
	void failingLedgerNeverFailsAChoice() throws Exception {
		Cookie granted = grant();
		this.ledger.failing.set(true);
		long errors = this.counters.appendErrors();
		MockHttpServletResponse withdrawal = this.mvc.perform(delete("/cxp/consent").cookie(granted))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(withdrawal.getCookie("cxp_consent").getValue()).isEqualTo("1.1.analytics:d");
		assertThat(this.counters.appendErrors()).isEqualTo(errors + 1);
		this.mvc.perform(get("/cxp/consent/receipt").cookie(granted)).andExpect(status().isServiceUnavailable());
	}

	private Cookie grant() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(put("/cxp/consent").contentType(MediaType.APPLICATION_JSON).content("{\"consent\":\"granted\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		Cookie cookie = response.getCookie("cxp_consent");
		assertThat(cookie.getValue()).matches("1\\.1\\.analytics:g\\.[0-9a-f]{32}");
		return cookie;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Ledger {

		@Bean
		RecordingLedger recordingLedger() {
			return new RecordingLedger();
		}

	}

	static final class RecordingLedger implements ConsentLedger {

		final Map<String, ConsentRecord> records = new ConcurrentHashMap<>();

		final List<String> lookups = new CopyOnWriteArrayList<>();

		final AtomicBoolean failing = new AtomicBoolean();

		@Override
		public void append(ConsentRecord record) {
			if (this.failing.get()) {
				throw new IllegalStateException("ledger down");
			}
			this.records.put(record.receiptId(), record);
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			this.lookups.add(receiptId);
			if (this.failing.get()) {
				throw new IllegalStateException("ledger down");
			}
			return Optional.ofNullable(this.records.get(receiptId));
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			return 0;
		}

	}

}
