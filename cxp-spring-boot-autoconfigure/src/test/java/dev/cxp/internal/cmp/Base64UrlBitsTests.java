package dev.cxp.internal.cmp;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Base64UrlBits}: fields of any width, across character boundaries, read as the bits spelled
 * out one by one.
 */
class Base64UrlBitsTests {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final long SEED = Long.getLong("cxp.hostile.seed", System.nanoTime());

	@Test
	void readsFieldsOfEveryWidthAsTheirBits() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
		for (int i = 0; i < 200; i++) {
			StringBuilder text = new StringBuilder("~~");
			StringBuilder bits = new StringBuilder();
			for (int c = random.nextInt(40); c > 0; c--) {
				int sextet = random.nextInt(64);
				text.append(ALPHABET.charAt(sextet));
				bits.append(String.format("%6s", Integer.toBinaryString(sextet)).replace(' ', '0'));
			}
			Base64UrlBits reader = Base64UrlBits.of(text.toString(), 2, text.length());
			int position = 0;
			while (true) {
				int width = 1 + random.nextInt(31);
				if (!reader.has(width)) {
					assertThat(position + width).isGreaterThan(bits.length());
					break;
				}
				String field = bits.substring(position, position + width);
				if (random.nextInt(4) == 0) {
					reader.skip(width);
				}
				else {
					assertThat(reader.read(width)).as("seed %d, bits %s", SEED, field).isEqualTo(Integer.parseInt(field, 2));
				}
				position += width;
				assertThat(reader.position()).isEqualTo(position);
			}
		}
	}

	@Test
	void readsBitByBit() {
		Base64UrlBits reader = Base64UrlBits.of("xC-", 1, 3);
		StringBuilder read = new StringBuilder();
		while (reader.has(1)) {
			read.append(reader.readBit() ? '1' : '0');
		}
		assertThat(read).hasToString("000010" + "111110");
	}

	@Test
	void refusesWhatIsNotBase64Url() {
		assertThat(Base64UrlBits.of("AB+C", 0, 4)).isNull();
		assertThat(Base64UrlBits.of("AB=", 0, 3)).isNull();
		assertThat(Base64UrlBits.of("AB.C", 0, 4)).isNull();
		assertThat(Base64UrlBits.of("AB\u00e9", 0, 3)).isNull();
		assertThat(Base64UrlBits.of("AB.C", 0, 2)).isNotNull();
		assertThat(Base64UrlBits.sextet('_')).isEqualTo(63);
		assertThat(Base64UrlBits.sextet('\u0100')).isEqualTo(-1);
		// The first character past ASCII, where the table of sextets ends
		assertThat(Base64UrlBits.sextet('\u0080')).isEqualTo(-1);
		assertThat(Base64UrlBits.of("AB\u0080", 0, 3)).isNull();
	}

}
