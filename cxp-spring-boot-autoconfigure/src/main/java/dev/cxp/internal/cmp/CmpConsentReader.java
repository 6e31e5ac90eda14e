package dev.cxp.internal.cmp;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

/**
 * Reads the consent strings of a consent management platform from a request's cookies: the TC string
 * first, then the GPP string, and the first that says something answers (SPEC S11). A string that cannot
 * be decoded, is longer than {@value #MAX_STRING_LENGTH} characters, or whose TCF data is not valid (policy
 * version below 4, CMP id 0) counts as absent and is counted by kind; it is never an error, even when the
 * decoder fails with an {@link Error}.
 * <p>
 * A browser sends every copy of a cookie (another domain or path), and a sibling subdomain or a script can
 * plant one: every copy is read, invalid ones are skipped, and a denial in any readable copy wins. When the
 * copies of the applicable-section-ids cookie disagree, every section of the GPP string is read. The work is
 * bounded by what the request carries, not by a count of copies that a planted grant could use up.
 * <p>
 * One visitor sends the same string on every request, so what a string says is kept in a small bounded
 * cache by its exact value: a string is decoded at most once per request, and usually once in a while.
 *
 * @since 0.2.0
 */
public class CmpConsentReader {

	/**
	 * Source of an answer taken from the TC string.
	 */
	public static final String SOURCE_TCF = ConsentSources.TCF;

	/**
	 * Source of an answer taken from the GPP string.
	 */
	public static final String SOURCE_GPP = ConsentSources.GPP;

	/**
	 * Kind of an invalid TC string, as counted.
	 */
	public static final String KIND_TCF = "tcf";

	/**
	 * Kind of an invalid GPP string, as counted.
	 */
	public static final String KIND_GPP = "gpp";

	/**
	 * Longest string decoded; a browser keeps no longer cookie, so anything longer is not a CMP's.
	 */
	public static final int MAX_STRING_LENGTH = 4096;

	/**
	 * How many distinct strings of each kind the cache keeps.
	 */
	static final int CACHE_SIZE = 1024;

	private static final Reading INVALID = new Reading(null, true);

	private static final Reading SILENT = new Reading(null, false);

	private final ConsentStringDecoder decoder;

	private final @Nullable TcfSettings tcf;

	private final @Nullable GppSettings gpp;

	private final ConsentStringMapping mapping;

	private final Cache<String, Reading> tcfCache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

	private final Cache<GppKey, Reading> gppCache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

	private final LongAdder tcfInvalid = new LongAdder();

	private final LongAdder gppInvalid = new LongAdder();

	/**
	 * Create a reader.
	 * @param decoder the decoder of the strings
	 * @param tcf how to read the TC string, or {@code null} to not read it
	 * @param gpp how to read the GPP string, or {@code null} to not read it
	 */
	public CmpConsentReader(ConsentStringDecoder decoder, @Nullable TcfSettings tcf, @Nullable GppSettings gpp) {
		this.decoder = decoder;
		this.tcf = tcf;
		this.gpp = gpp;
		this.mapping = new ConsentStringMapping(tcf, gpp);
	}

	/**
	 * What the request's TC string says, every copy of its cookie combined (a denial wins).
	 * @param values the values of every copy of the TC string cookie
	 * @return the answer with source {@code tcf}, or {@code null} when reading TC strings is off, or no valid
	 * TC string says anything
	 */
	public @Nullable CmpConsent readTcf(List<String> values) {
		if (this.tcf == null) {
			return null;
		}
		CmpConsent answer = null;
		for (String value : values) {
			if (!value.isEmpty()) {
				answer = and(answer, readTcf(value));
			}
		}
		return answer;
	}

	/**
	 * What the request's GPP string says, every copy of its cookie combined (a denial wins), read with the
	 * applicable section ids that the readable copies of their cookie agree on, or every section when they
	 * disagree.
	 * @param values the values of every copy of the GPP string cookie
	 * @param sidValues the values of every copy of the applicable section ids cookie
	 * @return the answer with source {@code gpp}, or {@code null} when reading GPP strings is off, or no valid
	 * GPP string says anything
	 */
	public @Nullable CmpConsent readGpp(List<String> values, List<String> sidValues) {
		if (this.gpp == null) {
			return null;
		}
		String sid = ApplicableSectionIds.agreed(sidValues);
		CmpConsent answer = null;
		for (String value : values) {
			if (!value.isEmpty()) {
				answer = and(answer, readGpp(value, sid));
			}
		}
		return answer;
	}

	/**
	 * What one TC string says.
	 * @param tcString the raw value of the TC string cookie
	 * @return the answer with source {@code tcf}, or {@code null} when reading TC strings is off or the string
	 * is invalid
	 */
	public @Nullable CmpConsent readTcf(String tcString) {
		if (this.tcf == null) {
			return null;
		}
		Reading reading = (tcString.length() > MAX_STRING_LENGTH) ? INVALID
				: this.tcfCache.get(tcString, this::decodeTcf);
		return counted(reading, this.tcfInvalid);
	}

	/**
	 * What one GPP string says.
	 * @param gppString the raw value of the GPP string cookie
	 * @param sid the raw value of the applicable section ids cookie, possibly {@code null}
	 * @return the answer with source {@code gpp}, or {@code null} when reading GPP strings is off, the string
	 * is invalid, or it says nothing about the configured purposes and no GPC signal
	 */
	public @Nullable CmpConsent readGpp(String gppString, @Nullable String sid) {
		if (this.gpp == null) {
			return null;
		}
		String applicable = (sid != null && sid.length() <= ApplicableSectionIds.MAX_LENGTH) ? sid : null;
		Reading reading = (gppString.length() > MAX_STRING_LENGTH) ? INVALID
				: this.gppCache.get(new GppKey(gppString, applicable), this::decodeGpp);
		return counted(reading, this.gppInvalid);
	}

	/**
	 * How many invalid strings of a kind were read since start-up.
	 * @param kind {@value #KIND_TCF} or {@value #KIND_GPP}
	 * @return the count; 0 for an unknown kind
	 */
	public long invalidStrings(String kind) {
		return switch (kind) {
			case KIND_TCF -> this.tcfInvalid.sum();
			case KIND_GPP -> this.gppInvalid.sum();
			default -> 0;
		};
	}

	/**
	 * How the TC string is read.
	 * @return the settings, or {@code null} when it is not read
	 */
	public @Nullable TcfSettings tcfSettings() {
		return this.tcf;
	}

	/**
	 * How the GPP string is read.
	 * @return the settings, or {@code null} when it is not read
	 */
	public @Nullable GppSettings gppSettings() {
		return this.gpp;
	}

	private @Nullable Reading decodeTcf(String tcString) {
		Decoded<TcfConsent> decoded = decodeQuietly(() -> this.decoder.decodeTcf(tcString));
		if (decoded.error()) {
			return null;
		}
		TcfConsent consent = decoded.value();
		if (consent == null || !ConsentStringMapping.isValid(consent)) {
			return INVALID;
		}
		CmpConsent answer = new CmpConsent(SOURCE_TCF, this.mapping.tcfPurposes(consent), false);
		return answer.answers() ? new Reading(answer, false) : SILENT;
	}

	private @Nullable Reading decodeGpp(GppKey key) {
		Decoded<GppConsent> decoded = decodeQuietly(() -> this.decoder.decodeGpp(key.gppString(), key.sid()));
		if (decoded.error()) {
			return null;
		}
		GppConsent consent = decoded.value();
		if (consent == null) {
			return INVALID;
		}
		TcfConsent tcfSection = consent.tcfEuV2();
		boolean tcfSectionInvalid = tcfSection != null && !ConsentStringMapping.isValid(tcfSection);
		CmpConsent answer = this.mapping.gpp(consent, !tcfSectionInvalid);
		return new Reading(answer.answers() ? answer : null, tcfSectionInvalid);
	}

	/**
	 * Decode, whatever the decoder does: a decoder of the application's own may throw, and what it cannot read
	 * is absent, never an error. An {@link Error} (out of memory, stack overflow) may say more about the moment
	 * than about the string, so that outcome is not cached: the mapping function answers no reading.
	 */
	private static <T> Decoded<T> decodeQuietly(Decoding<T> decoding) {
		try {
			return new Decoded<>(decoding.decode(), false);
		}
		catch (Exception ex) {
			return new Decoded<>(null, false);
		}
		catch (Error ex) {
			return new Decoded<>(null, true);
		}
	}

	// No reading is a decoder's Error: nothing was cached, and the string counts as invalid
	private static @Nullable CmpConsent counted(@Nullable Reading reading, LongAdder invalid) {
		if (reading == null || reading.invalid()) {
			invalid.increment();
		}
		return (reading != null) ? reading.consent() : null;
	}

	private static @Nullable CmpConsent and(@Nullable CmpConsent answer, @Nullable CmpConsent next) {
		if (answer == null) {
			return next;
		}
		return (next != null) ? answer.and(next) : answer;
	}

	@FunctionalInterface
	private interface Decoding<T> {

		@Nullable T decode();

	}

	/**
	 * What a string said, or that it was invalid; cached by the string.
	 */
	private record Reading(@Nullable CmpConsent consent, boolean invalid) {
	}

	private record GppKey(String gppString, @Nullable String sid) {
	}

	private record Decoded<T>(@Nullable T value, boolean error) {
	}

}
