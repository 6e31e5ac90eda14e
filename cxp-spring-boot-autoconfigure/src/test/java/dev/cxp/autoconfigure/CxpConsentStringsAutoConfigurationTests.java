package dev.cxp.autoconfigure;

import java.util.List;
import java.util.Map;

import com.iab.gpp.encoder.GppModel;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.CmpReading;
import dev.cxp.internal.cmp.ConsentStringDecoderMissingException;
import dev.cxp.internal.cmp.IabConsentStringDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpConsentStringsAutoConfiguration} and its failure analyzer.
 */
class CxpConsentStringsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CxpConsentStringsAutoConfiguration.class));

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CmpConsentReader.class);
			assertThat(context).doesNotHaveBean(ConsentStringDecoder.class);
		});
	}

	@Test
	void tcfReadsTheTcStringWithTheDefaultMapping() {
		this.contextRunner.withPropertyValues("cxp.consent.tcf.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(IabConsentStringDecoder.class);
			CmpConsentReader reader = context.getBean(CmpConsentReader.class);
			assertThat(reader.tcfSettings()).isNotNull();
			assertThat(reader.tcfSettings().cookieName()).isEqualTo("euconsent-v2");
			assertThat(reader.tcfSettings().purposes()).isEqualTo(Map.of("analytics", List.of(1)));
			assertThat(reader.tcfSettings().usePublisherSegment()).isFalse();
			assertThat(reader.gppSettings()).isNull();
		});
	}

	@Test
	void gppReadsTheGppStringWithTheDefaultCookies() {
		this.contextRunner.withPropertyValues("cxp.consent.gpp.enabled=true").run((context) -> {
			CmpConsentReader reader = context.getBean(CmpConsentReader.class);
			assertThat(reader.tcfSettings()).isNull();
			assertThat(reader.gppSettings().cookieName()).isEqualTo("__gpp");
			assertThat(reader.gppSettings().sidCookieName()).isEqualTo("__gpp_sid");
			assertThat(reader.gppSettings().optOutDenies()).isEmpty();
		});
	}

	@Test
	void settingsAreBound() {
		this.contextRunner
			.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.cookie-name=tc",
					"cxp.consent.tcf.purposes.analytics=1,9", "cxp.consent.tcf.purposes.ads=1,2,3,4",
					"cxp.consent.tcf.use-publisher-segment=true", "cxp.consent.gpp.enabled=true",
					"cxp.consent.gpp.cookie-name=gpp", "cxp.consent.gpp.sid-cookie-name=gpp-sid",
					"cxp.consent.gpp.opt-out-denies=ads", "cxp.consent.purposes=analytics,ads")
			.run((context) -> {
				CmpConsentReader reader = context.getBean(CmpConsentReader.class);
				assertThat(reader.tcfSettings().cookieName()).isEqualTo("tc");
				assertThat(reader.tcfSettings().purposes())
					.isEqualTo(Map.of("analytics", List.of(1, 9), "ads", List.of(1, 2, 3, 4)));
				assertThat(reader.tcfSettings().usePublisherSegment()).isTrue();
				assertThat(reader.gppSettings().cookieName()).isEqualTo("gpp");
				assertThat(reader.gppSettings().sidCookieName()).isEqualTo("gpp-sid");
				assertThat(reader.gppSettings().optOutDenies()).containsExactly("ads");
			});
	}

	@Test
	void analyticsKeepsItsDefaultMappingBesideOtherPurposes() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
			.withPropertyValues("cxp.consent.purposes=analytics,ads", "cxp.consent.tcf.enabled=true",
					"cxp.consent.tcf.purposes.ads=1,2")
			.run((context) -> assertThat(context.getBean(CmpConsentReader.class).tcfSettings().purposes())
				.isEqualTo(Map.of("analytics", List.of(1), "ads", List.of(1, 2))));
		this.contextRunner.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
			.withPropertyValues("cxp.consent.purposes=statistics", "cxp.consent.tracking-purpose=statistics",
					"cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.statistics=1,9")
			.run((context) -> assertThat(context.getBean(CmpConsentReader.class).tcfSettings().purposes())
				.isEqualTo(Map.of("statistics", List.of(1, 9))));
	}

	@Test
	void offWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues("cxp.enabled=false", "cxp.consent.tcf.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(CmpConsentReader.class));
	}

	@Test
	void tcfPurposeIdsOutsideOneToElevenFailAtStartUp() {
		for (String ids : new String[] { "0", "12", "1,12" }) {
			this.contextRunner
				.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.analytics=" + ids)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("cxp.consent.tcf.purposes.analytics")
					.hasMessageContaining("from 1 to 11"));
		}
	}

	@Test
	void anEmptyTcfPurposeListFailsAtStartUp() {
		this.contextRunner.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.analytics=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.tcf.purposes.analytics must list at least one"));
	}

	@Test
	void badCookieNamesFailAtStartUp() {
		this.contextRunner.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.cookie-name=a;b")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.tcf.cookie-name"));
		this.contextRunner.withPropertyValues("cxp.consent.gpp.enabled=true", "cxp.consent.gpp.sid-cookie-name=a b")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.gpp.sid-cookie-name"));
	}

	@Test
	void mappedPurposesMustBeConfiguredPurposes() {
		WebApplicationContextRunner withPurposes = this.contextRunner
			.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
			.withPropertyValues("cxp.consent.purposes=analytics,ads");
		withPurposes.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.ads=1,2",
				"cxp.consent.tcf.purposes.personalisation=5,6")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.tcf.purposes.personalisation is not one of the purposes")
				.hasMessageContaining("[analytics, ads]"));
		withPurposes.withPropertyValues("cxp.consent.gpp.enabled=true", "cxp.consent.gpp.opt-out-denies=ads,sale")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.gpp.opt-out-denies: sale is not one of the purposes"));
		withPurposes.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.ads=1,2",
				"cxp.consent.gpp.enabled=true", "cxp.consent.gpp.opt-out-denies=ads")
			.run((context) -> assertThat(context).hasSingleBean(CmpConsentReader.class));
	}

	@Test
	void theDefaultResolverReadsTheStrings() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class))
			.withPropertyValues("cxp.consent.tcf.enabled=true")
			.run((context) -> {
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.setCookies(new Cookie("euconsent-v2", ConsentStrings.purposeOneRefused()));
				ConsentDecision decision = context.getBean(ConsentResolver.class).resolve(request);
				assertThat(decision.source()).isEqualTo("tcf");
				assertThat(decision.state()).isEqualTo(ConsentState.DENIED);
			});
	}

	@Test
	void aDecoderOfTheApplicationsOwnReplacesTheIabOne() {
		this.contextRunner.withPropertyValues("cxp.consent.tcf.enabled=true")
			.withBean(ConsentStringDecoder.class, OwnDecoder::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(IabConsentStringDecoder.class);
				CmpConsentReader reader = context.getBean(CmpConsentReader.class);
				assertThat(CmpReading.read(reader, new Cookie[] { new Cookie("euconsent-v2", "anything") }).state("analytics"))
					.hasToString("GRANTED");
			});
	}

	@Test
	void withoutTheLibraryNothingChangesWhileReadingIsOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GppModel.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CmpConsentReader.class);
		});
	}

	@Test
	void withoutTheLibraryEnablingFailsWithTheDependencyToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GppModel.class))
			.withPropertyValues("cxp.consent.tcf.enabled=true", "cxp.consent.gpp.enabled=true")
			.run((context) -> {
				assertThat(context).getFailure().rootCause().isInstanceOf(ConsentStringDecoderMissingException.class);
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("cxp.consent.tcf.enabled and cxp.consent.gpp.enabled")
					.contains("com.iabgpp:iabgpp-encoder");
				assertThat(analysis.getAction()).contains("Add the dependency com.iabgpp:iabgpp-encoder")
					.contains("cxp.consent.gpp.enabled=false");
			});
	}

	@Test
	void withoutTheLibraryADecoderOfTheApplicationsOwnIsEnough() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GppModel.class))
			.withPropertyValues("cxp.consent.gpp.enabled=true")
			.withBean(ConsentStringDecoder.class, OwnDecoder::new)
			.run((context) -> assertThat(context).hasSingleBean(CmpConsentReader.class));
	}

	private static @Nullable FailureAnalysis analyze(Throwable failure) {
		// As Spring Boot does at start-up, from spring.factories (skipping Boot's own, which need a bean factory)
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analyzer instanceof ConsentStringDecoderMissingFailureAnalyzer) {
				return analysis;
			}
		}
		return null;
	}

	static class OwnDecoder implements ConsentStringDecoder {

		@Override
		public TcfConsent decodeTcf(String tcString) {
			return new TcfConsent(4, 1, java.util.Set.of(1), null);
		}

		@Override
		public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
			return null;
		}

	}

}
