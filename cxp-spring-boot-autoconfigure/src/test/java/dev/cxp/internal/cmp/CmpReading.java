package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's consent strings from its cookies as the TC and GPP sources do: the TC string's answer if it
 * has one, else the GPP string's.
 */
public final class CmpReading {

	private CmpReading() {
	}

	/**
	 * What the cookies' consent strings say.
	 * @param reader the reader
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return the TC string's answer, else the GPP string's, or {@code null}
	 */
	public static @Nullable CmpConsent read(CmpConsentReader reader, Cookie @Nullable [] cookies) {
		CmpConsent tcString = readTcf(reader, cookies);
		return (tcString != null) ? tcString : readGpp(reader, cookies);
	}

	/**
	 * What the cookies' TC string says.
	 * @param reader the reader
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return the answer, or {@code null}
	 */
	public static @Nullable CmpConsent readTcf(CmpConsentReader reader, Cookie @Nullable [] cookies) {
		TcfSettings tcf = reader.tcfSettings();
		return (tcf != null) ? reader.readTcf(values(cookies, tcf.cookieName())) : null;
	}

	/**
	 * What the cookies' GPP string says.
	 * @param reader the reader
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return the answer, or {@code null}
	 */
	public static @Nullable CmpConsent readGpp(CmpConsentReader reader, Cookie @Nullable [] cookies) {
		GppSettings gpp = reader.gppSettings();
		return (gpp != null)
				? reader.readGpp(values(cookies, gpp.cookieName()), values(cookies, gpp.sidCookieName())) : null;
	}

	private static List<String> values(Cookie @Nullable [] cookies, String name) {
		List<String> values = new ArrayList<>();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(name)) {
					values.add(cookie.getValue());
				}
			}
		}
		return values;
	}

}
