package dev.cxp.hostile;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.internal.cmp.CmpConsentReader;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;

/**
 * Generates consent-string cookie values from a seed: random base64url text, truncated real strings and real
 * strings with flipped bits, made with the IAB library's encoder.
 */
final class ConsentStringInput {

	static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	static final List<String> REAL = List.of(ConsentStrings.allPurposes(), ConsentStrings.purposeOneRefused(),
			ConsentStrings.tcf(ConsentStrings.POLICY_VERSION, ConsentStrings.CMP_ID, purposes(2), purposes(1, 7)),
			ConsentStrings.gppWithTcf(ConsentStrings.POLICY_VERSION, purposes(1, 2)),
			ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, true),
			ConsentStrings.gppCalifornia(DID_NOT_OPT_OUT, OPTED_OUT, false),
			ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, true));

	private final RandomGenerator random;

	ConsentStringInput(long seed) {
		this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
	}

	/**
	 * Random base64url text with the separators of the formats, led by C or DB now and then, which reaches
	 * deeper into the TCF or GPP decoding than any other start.
	 */
	String base64Url() {
		int length = (this.random.nextInt(10) == 0) ? CmpConsentReader.MAX_STRING_LENGTH : this.random.nextInt(300);
		StringBuilder value = new StringBuilder(length);
		value.append(switch (this.random.nextInt(3)) {
			case 0 -> "C";
			case 1 -> "DB";
			default -> "";
		});
		while (value.length() < length) {
			int pick = this.random.nextInt(BASE64URL.length() + 4);
			value.append((pick < BASE64URL.length()) ? BASE64URL.charAt(pick) : (pick % 2 == 0) ? '.' : '~');
		}
		return value.toString();
	}

	/**
	 * A real string cut short.
	 */
	String truncated() {
		String real = REAL.get(this.random.nextInt(REAL.size()));
		return real.substring(0, this.random.nextInt(real.length()));
	}

	/**
	 * A real string with one to four of the six bits of its characters flipped.
	 */
	String flipped() {
		char[] value = REAL.get(this.random.nextInt(REAL.size())).toCharArray();
		int flips = 1 + this.random.nextInt(4);
		for (int f = 0; f < flips; f++) {
			int at = this.random.nextInt(value.length);
			int index = BASE64URL.indexOf(value[at]);
			if (index >= 0) {
				value[at] = BASE64URL.charAt(index ^ (1 << this.random.nextInt(6)));
			}
		}
		return new String(value);
	}

	/**
	 * Applicable section ids as a {@code __gpp_sid} cookie holds them, or {@code null}.
	 */
	@Nullable String sid() {
		return switch (this.random.nextInt(4)) {
			case 0 -> null;
			case 1 -> "-1";
			case 2 -> String.valueOf(this.random.nextInt(25));
			default -> this.random.nextInt(25) + "," + this.random.nextInt(25) + "_" + this.random.nextInt(25);
		};
	}

}
