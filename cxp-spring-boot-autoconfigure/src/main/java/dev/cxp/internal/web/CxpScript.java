package dev.cxp.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import dev.cxp.internal.web.servlet.CxpScriptController;

/**
 * The browser script {@code cxp.js}, read once from the starter's jar, with a strong entity tag derived
 * from its content so that browsers revalidate it cheaply and pick up a new version at once.
 */
public final class CxpScript {

	/**
	 * Where the script lives on the class path: outside {@code META-INF/resources} and {@code static}, so
	 * that it is served only by {@link CxpScriptController}, under the configured base path.
	 */
	public static final String LOCATION = "dev/cxp/web/cxp.js";

	private final byte[] content;

	private final String etag;

	private CxpScript(byte[] content) {
		this.content = content;
		this.etag = "\"" + sha256(content) + "\"";
	}

	/**
	 * Load the script shipped in the starter's jar.
	 * @return the script
	 * @throws UncheckedIOException when it cannot be read
	 */
	public static CxpScript load() {
		Resource resource = new ClassPathResource(LOCATION, CxpScript.class.getClassLoader());
		try (InputStream in = resource.getInputStream()) {
			return new CxpScript(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

	/**
	 * The script's bytes, UTF-8.
	 * @return a copy of the content
	 */
	public byte[] content() {
		return this.content.clone();
	}

	/**
	 * The strong entity tag of the content, quoted.
	 * @return the entity tag
	 */
	public String etag() {
		return this.etag;
	}

	private static String sha256(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
