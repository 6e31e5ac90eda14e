package dev.cxp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application may rely on is the public types outside {@code dev.cxp.internal}: few, listed here, and
 * each named in its package's Javadoc. The core reads requests through its own view, so that both web stacks can
 * use it: the consent decision, sessions, visitor identity and the ledger import nothing of the servlet API or
 * Spring MVC, except the servlet resolver's own signature.
 */
class ApiSurfaceTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Set<String> API = Set.of("dev.cxp.consent.ConsentChangedEvent",
			"dev.cxp.consent.ConsentDecision", "dev.cxp.consent.ConsentRegion", "dev.cxp.consent.ConsentRequest",
			"dev.cxp.consent.ConsentResolver", "dev.cxp.consent.ConsentSource", "dev.cxp.consent.ConsentSources",
			"dev.cxp.consent.ConsentState", "dev.cxp.consent.ReactiveConsentResolver",
			"dev.cxp.consent.cmp.ConsentStringDecoder",
			"dev.cxp.consent.cmp.GppConsent", "dev.cxp.consent.cmp.TcfConsent", "dev.cxp.consent.ledger.ConsentLedger",
			"dev.cxp.consent.ledger.ConsentMethod", "dev.cxp.consent.ledger.ConsentRecord",
			"dev.cxp.session.PageViewEvent", "dev.cxp.session.PageVisit", "dev.cxp.session.TrackedPageView",
			"dev.cxp.session.VisitSession", "dev.cxp.session.VisitorSessionStore", "dev.cxp.visitor.CxpVisitor",
			"dev.cxp.visitor.CxpVisitorView", "dev.cxp.autoconfigure.CxpProperties");

	@Test
	void thePublicTypesOutsideInternalAreTheApiAndTheAutoConfigurations() {
		Set<String> publicTypes = new TreeSet<>();
		for (String className : classNames()) {
			if (className.startsWith("dev.cxp.internal.") || className.contains("$")) {
				continue;
			}
			Class<?> type = load(className);
			if (Modifier.isPublic(type.getModifiers()) && !className.endsWith("AutoConfiguration")) {
				publicTypes.add(className);
			}
		}
		assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(API);
		assertThat(API).hasSizeLessThanOrEqualTo(30);
	}

	@Test
	void everyApiTypeIsNamedInItsPackagesJavadoc() throws IOException {
		for (String className : API) {
			String packageName = className.substring(0, className.lastIndexOf('.'));
			Path packageInfo = SOURCES.resolve(packageName.replace('.', '/')).resolve("package-info.java");
			assertThat(Files.readString(packageInfo)).as(className).contains("{@link " + className + "}");
		}
	}

	@Test
	void theCoreImportsNothingOfTheServletApiNorSpringMvc() throws IOException {
		List<String> core = List.of("dev/cxp/consent", "dev/cxp/session", "dev/cxp/visitor",
				"dev/cxp/internal/consent", "dev/cxp/internal/cmp", "dev/cxp/internal/ledger",
				"dev/cxp/internal/session", "dev/cxp/internal/visitor", "dev/cxp/internal/web");
		for (String directory : core) {
			try (Stream<Path> files = Files.list(SOURCES.resolve(directory))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					if (file.endsWith("ConsentResolver.java")) {
						continue;
					}
					assertThat(Files.readString(file)).as(file.toString())
						.doesNotContain("import jakarta.servlet")
						.doesNotContain("import org.springframework.web.servlet")
						.doesNotContain("import org.springframework.web.bind");
				}
			}
		}
	}

	private static List<String> classNames() {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.map(SOURCES::relativize)
				.map(Path::toString)
				.filter((name) -> name.endsWith(".java") && !name.endsWith("package-info.java"))
				.map((name) -> name.substring(0, name.length() - 5).replace('/', '.'))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Class<?> load(String className) {
		try {
			return Class.forName(className, false, ApiSurfaceTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
