package dev.cxp.internal.cmp;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decoder that fails with an {@link Error} makes its string count as invalid, like one that throws an
 * exception; the outcome is not cached, since running out of memory says more about the moment than about the
 * string.
 */
class ConsentStringDecoderErrorsTests {

	private final FailingDecoder decoder = new FailingDecoder();

	private final CmpConsentReader reader = new CmpConsentReader(this.decoder,
			new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false),
			new GppSettings("__gpp", "__gpp_sid", List.of("analytics")));

	@Test
	void anOutOfMemoryErrorCountsAsAnInvalidTcString() {
		for (int i = 0; i < 3; i++) {
			assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", FailingDecoder.OUT_OF_MEMORY))).isNull();
		}
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_TCF)).isEqualTo(3);
		assertThat(this.decoder.calls).as("not cached").hasValue(3);
	}

	@Test
	void aStackOverflowErrorCountsAsAnInvalidGppString() {
		for (int i = 0; i < 3; i++) {
			assertThat(CmpReading.read(this.reader, cookies("__gpp", FailingDecoder.STACK_OVERFLOW, "__gpp_sid", "7"))).isNull();
		}
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_GPP)).isEqualTo(3);
		assertThat(this.decoder.calls).as("not cached").hasValue(3);
	}

	@Test
	void anExceptionIsCachedAsAnInvalidString() {
		for (int i = 0; i < 3; i++) {
			assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", FailingDecoder.BROKEN))).isNull();
		}
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_TCF)).isEqualTo(3);
		assertThat(this.decoder.calls).hasValue(1);
	}

	@Test
	void aStringThatFailedOnceIsDecodedAgainWhenTheMomentHasPassed() {
		ConsentStringDecoder once = new ConsentStringDecoder() {

			private boolean failed;

			@Override
			public @Nullable TcfConsent decodeTcf(String tcString) {
				if (!this.failed) {
					this.failed = true;
					throw new OutOfMemoryError("Java heap space");
				}
				return new IabConsentStringDecoder().decodeTcf(tcString);
			}

			@Override
			public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
				return null;
			}

		};
		CmpConsentReader reader = new CmpConsentReader(once,
				new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false), null);
		Cookie[] cookies = cookies("euconsent-v2", ConsentStrings.allPurposes());
		assertThat(CmpReading.read(reader, cookies)).isNull();
		assertThat(CmpReading.read(reader, cookies).state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(reader.invalidStrings(CmpConsentReader.KIND_TCF)).isEqualTo(1);
	}

	private static Cookie[] cookies(String... namesAndValues) {
		return CmpConsentReaderTests.cookies(namesAndValues);
	}

}
