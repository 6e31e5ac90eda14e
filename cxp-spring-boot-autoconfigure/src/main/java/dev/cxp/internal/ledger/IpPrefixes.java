package dev.cxp.internal.ledger;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Truncates a client address to its network: IPv4 to /24, IPv6 to /48. Only literal addresses are
 * accepted; anything else gives {@code null}, is never resolved through DNS and never echoed.
 */
final class IpPrefixes {

	private static final int MAX_LENGTH = 45;

	private IpPrefixes() {
	}

	/**
	 * The network of an address.
	 * @param address the address, such as {@code request.getRemoteAddr()}
	 * @return {@code a.b.c.0/24} or {@code x:y:z::/48}, or {@code null} when the value is not a literal address
	 */
	static @Nullable String networkOf(@Nullable String address) {
		if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
			return null;
		}
		if (address.indexOf(':') < 0) {
			byte[] ipv4 = parseIpv4(address);
			return (ipv4 != null) ? ipv4Network(ipv4) : null;
		}
		String literal = withoutZone(address);
		if (!isIpv6Text(literal)) {
			return null;
		}
		try {
			// Brackets make the JDK treat the value as an IPv6 literal: it throws rather than resolving it.
			InetAddress parsed = InetAddress.getByName("[" + literal + "]");
			byte[] bytes = parsed.getAddress();
			return (parsed instanceof Inet4Address) ? ipv4Network(bytes) : ipv6Network(bytes);
		}
		catch (UnknownHostException | RuntimeException ex) {
			return null;
		}
	}

	private static byte @Nullable [] parseIpv4(String address) {
		String[] parts = address.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i];
			if (part.isEmpty() || part.length() > 3) {
				return null;
			}
			int value = 0;
			for (int j = 0; j < part.length(); j++) {
				char c = part.charAt(j);
				if (c < '0' || c > '9') {
					return null;
				}
				value = value * 10 + (c - '0');
			}
			if (value > 255) {
				return null;
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	private static String withoutZone(String address) {
		int zone = address.indexOf('%');
		return (zone >= 0) ? address.substring(0, zone) : address;
	}

	private static boolean isIpv6Text(String literal) {
		if (literal.length() < 2) {
			return false;
		}
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
					|| c == '.';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static String ipv4Network(byte[] bytes) {
		return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
	}

	private static String ipv6Network(byte[] bytes) {
		return Integer.toHexString(group(bytes, 0)) + ":" + Integer.toHexString(group(bytes, 2)) + ":"
				+ Integer.toHexString(group(bytes, 4)) + "::/48";
	}

	private static int group(byte[] bytes, int index) {
		return ((bytes[index] & 0xff) << 8) | (bytes[index + 1] & 0xff);
	}

}
