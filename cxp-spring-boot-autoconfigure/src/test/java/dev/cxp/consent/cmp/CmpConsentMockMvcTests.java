package dev.cxp.consent.cmp;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.cxp.consent.ConsentState;
import dev.cxp.testsite.TestSite;
import dev.cxp.visitor.CxpVisitor;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CMP strings in MockMvc, where the request reaches the starter without a server: what the controller's
 * {@link CxpVisitor} and the consent endpoint see.
 */
@SpringBootTest(classes = TestSite.class,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.ads=1,2,3,4",
				"cxp.consent.gpp.enabled=true", "cxp.consent.gpp.opt-out-denies=ads" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CmpConsentMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aTcStringGrantsTheVisitorsPurposes() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/").accept(MediaType.TEXT_HTML)
				.cookie(new Cookie("euconsent-v2", ConsentStrings.allPurposes())))
			.andExpect(status().isOk())
			.andReturn();
		CxpVisitor visitor = (CxpVisitor) result.getRequest().getAttribute(CxpVisitor.ATTRIBUTE);
		assertThat(visitor.consent().source()).isEqualTo("tcf");
		assertThat(visitor.consent().state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(visitor.consentEffective()).isTrue();
		assertThat(visitor.visitorId()).isNotNull();
	}

	@Test
	void aRefusedPurposeOneKeepsTheVisitorUntracked() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/").accept(MediaType.TEXT_HTML)
				.cookie(new Cookie("euconsent-v2", ConsentStrings.purposeOneRefused())))
			.andReturn();
		CxpVisitor visitor = (CxpVisitor) result.getRequest().getAttribute(CxpVisitor.ATTRIBUTE);
		assertThat(visitor.consent().state()).isEqualTo(ConsentState.DENIED);
		assertThat(visitor.visitorId()).isNull();
	}

	@Test
	void aGppOptOutDeniesAdsAtTheEndpoint() throws Exception {
		this.mvc
			.perform(get("/cxp/consent").accept(MediaType.APPLICATION_JSON)
				.cookie(new Cookie("__gpp", ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false)),
						new Cookie("__gpp_sid", "7")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("gpp"))
			.andExpect(jsonPath("$.purposes.ads").value("DENIED"))
			.andExpect(jsonPath("$.purposes.analytics").value("UNSPECIFIED"));
	}

	@Test
	void theConsentCookieOutranksTheTcString() throws Exception {
		this.mvc
			.perform(get("/cxp/consent").accept(MediaType.APPLICATION_JSON)
				.cookie(new Cookie("cxp_consent", "granted"),
						new Cookie("euconsent-v2", ConsentStrings.purposeOneRefused())))
			.andExpect(jsonPath("$.source").value("cookie"))
			.andExpect(jsonPath("$.purposes.analytics").value("GRANTED"));
	}

}
