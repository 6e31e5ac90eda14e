package dev.cxp.internal.ledger;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IpPrefixes}.
 */
class IpPrefixesTests {

	private static final Pattern NETWORK = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.0/24|[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::/48");

	@ParameterizedTest
	@CsvSource({ "203.0.113.77, 203.0.113.0/24", "0.0.0.0, 0.0.0.0/24", "255.255.255.255, 255.255.255.0/24",
			"9.99.199.9, 9.99.199.0/24",
			"2001:db8:abcd:12::1, 2001:db8:abcd::/48", "2001:0DB8:00AB:ffff:1:2:3:4, 2001:db8:ab::/48",
			"::1, 0:0:0::/48", "0:0:0:0:0:0:0:1, 0:0:0::/48", "fe80::1%eth0, fe80:0:0::/48",
			"::ffff:198.51.100.7, 198.51.100.0/24" })
	void literalAddressesAreTruncatedToTheirNetwork(String address, String network) {
		assertThat(IpPrefixes.networkOf(address)).isEqualTo(network);
	}

	@ParameterizedTest
	@CsvSource({ "0::1, 0:0:0::/48", "9::1, 9:0:0::/48", "a::1, a:0:0::/48", "f::1, f:0:0::/48", "A::1, a:0:0::/48",
			"F::1, f:0:0::/48" })
	void everyHexDigitAtTheEndsOfItsRangeIsAccepted(String address, String network) {
		assertThat(IpPrefixes.networkOf(address)).isEqualTo(network);
	}

	@Test
	void unspecifiedAddressOfTwoCharactersIsTruncated() {
		assertThat(IpPrefixes.networkOf("::")).isEqualTo("0:0:0::/48");
	}

	@Test
	void longestLiteralAddressIsTruncated() {
		String longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
		assertThat(longest).hasSize(45);
		assertThat(IpPrefixes.networkOf(longest)).isEqualTo("ffff:ffff:ffff::/48");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "1.2.3.256", "1.2.3.-1",
			"01234.1.1.1", "1..2.3", " 1.2.3.4", "1.2.3.4\r\nX: y", "::g", "1:2:3:4:5:6:7:8:9", ":", "[::1]",
			"1.2.3.4:80", "abc:def", ".:", "ffff::ffff::1" })
	void anythingElseGivesNothing(String address) {
		assertThat(IpPrefixes.networkOf(address)).isNull();
	}

	@Test
	void nullAndOverlongValuesGiveNothing() {
		assertThat(IpPrefixes.networkOf(null)).isNull();
		assertThat(IpPrefixes.networkOf("1".repeat(46))).isNull();
	}

	@Test
	void generatedInputGivesANetworkOrNothing() {
		long seed = System.nanoTime();
		SplittableRandom random = new SplittableRandom(seed);
		String alphabet = "0123456789abcdefABCDEF:.%[]x \r\n\u0000\u00e9";
		for (int i = 0; i < 5000; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(48);
			for (int j = 0; j < length; j++) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String network = IpPrefixes.networkOf(value.toString());
			assertThat(network == null || NETWORK.matcher(network).matches())
				.as("seed %d, input %s gave %s", seed, value.toString().replace("\r", "\\r").replace("\n", "\\n"), network)
				.isTrue();
		}
	}

}
