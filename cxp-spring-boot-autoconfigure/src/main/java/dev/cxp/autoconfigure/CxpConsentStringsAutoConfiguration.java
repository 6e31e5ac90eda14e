package dev.cxp.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.ConsentStringDecoderMissingException;
import dev.cxp.internal.cmp.GppSettings;
import dev.cxp.internal.cmp.IabConsentStringDecoder;
import dev.cxp.internal.cmp.TcfSettings;
import dev.cxp.internal.consent.ConsentPurposes;

/**
 * Auto-configuration of reading the consent strings of a consent management platform (IAB TCF v2.2 and
 * GPP), when {@code cxp.consent.tcf.enabled} or {@code cxp.consent.gpp.enabled} is set. Decoding needs the
 * optional dependency {@code com.iabgpp:iabgpp-encoder}, or a {@link ConsentStringDecoder} bean.
 *
 * @since 0.2.0
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@Conditional(CxpConsentStringsAutoConfiguration.OnConsentStringsEnabled.class)
@EnableConfigurationProperties(CxpProperties.class)
public final class CxpConsentStringsAutoConfiguration {

	@Bean
	CmpConsentReader cxpCmpConsentReader(CxpProperties properties, ObjectProvider<ConsentStringDecoder> decoder) {
		CxpProperties.Tcf tcf = properties.consent().tcf();
		CxpProperties.Gpp gpp = properties.consent().gpp();
		ConsentPurposes configured = properties.consent().consentPurposes();
		requireConfigured(configured, tcf.enabled() ? tcf.purposes().keySet() : List.of(), "cxp.consent.tcf.purposes.");
		requireConfigured(configured, gpp.enabled() ? gpp.optOutDenies() : List.of(),
				"cxp.consent.gpp.opt-out-denies: ");
		ConsentStringDecoder available = decoder.getIfAvailable();
		if (available == null) {
			List<String> enabledBy = new ArrayList<>();
			if (tcf.enabled()) {
				enabledBy.add("cxp.consent.tcf.enabled");
			}
			if (gpp.enabled()) {
				enabledBy.add("cxp.consent.gpp.enabled");
			}
			throw new ConsentStringDecoderMissingException(enabledBy);
		}
		TcfSettings tcfSettings = tcf.enabled()
				? new TcfSettings(tcf.cookieName(), tcfPurposes(tcf, configured), tcf.usePublisherSegment()) : null;
		GppSettings gppSettings = gpp.enabled()
				? new GppSettings(gpp.cookieName(), gpp.sidCookieName(), gpp.optOutDenies()) : null;
		return new CmpConsentReader(available, tcfSettings, gppSettings);
	}

	// Analytics keeps its default mapping when other purposes are mapped, as long as the site asks about it
	private static Map<String, List<Integer>> tcfPurposes(CxpProperties.Tcf tcf, ConsentPurposes configured) {
		Map<String, List<Integer>> purposes = new LinkedHashMap<>();
		if (!tcf.purposes().containsKey(ConsentPurposes.ANALYTICS) && configured.contains(ConsentPurposes.ANALYTICS)) {
			purposes.put(ConsentPurposes.ANALYTICS, CxpProperties.Tcf.DEFAULT_ANALYTICS);
		}
		purposes.putAll(tcf.purposes());
		return purposes;
	}

	// A mapped purpose that is not asked about would be decided by a string and then never reported
	private static void requireConfigured(ConsentPurposes configured, Collection<String> mapped, String property) {
		for (String purpose : mapped) {
			if (!configured.contains(purpose)) {
				throw new IllegalStateException(property + purpose + " is not one of the purposes in "
						+ "cxp.consent.purposes " + configured.names() + ": add it there, or remove it here");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.iab.gpp.encoder.GppModel")
	static class IabDecoderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConsentStringDecoder cxpConsentStringDecoder() {
			return new IabConsentStringDecoder();
		}

	}

	static final class OnConsentStringsEnabled extends AnyNestedCondition {

		OnConsentStringsEnabled() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnBooleanProperty("cxp.consent.tcf.enabled")
		static class TcfEnabled {

		}

		@ConditionalOnBooleanProperty("cxp.consent.gpp.enabled")
		static class GppEnabled {

		}

	}

}
