package dev.cxp.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} snippet of the README and the docs is a whole compilation unit, imports included, that
 * compiles against the test classpath (the starter, Spring Boot and what a web application has), and uses only
 * the starter's public API, never its {@code dev.cxp.internal} packages.
 */
class DocsJavaSnippetsTests {

	private static final Pattern TYPE = Pattern
		.compile("^(?:public\\s+)?(?:final\\s+)?(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);

	@TempDir
	Path classes;

	@Test
	void everyJavaSnippetCompiles() {
		List<Docs.Block> snippets = snippets();
		List<String> failures = new ArrayList<>();
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		for (int i = 0; i < snippets.size(); i++) {
			Docs.Block snippet = snippets.get(i);
			Matcher type = TYPE.matcher(snippet.code());
			if (!type.find()) {
				failures.add(snippet.where() + ": declares no class, record, interface or enum");
				continue;
			}
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
					output(i).toString(), "-proc:none", "--release", "17", "-Xlint:none");
			boolean compiled = compiler.getTask(new StringWriter(), null, diagnostics, options, null,
					List.of(new Source(type.group(1), snippet.code())))
				.call();
			if (!compiled) {
				for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
					if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
						failures.add(snippet.page() + ":" + (snippet.line() + diagnostic.getLineNumber()) + ": "
								+ diagnostic.getMessage(Locale.ROOT));
					}
				}
			}
		}
		assertThat(failures).as("Java snippets that do not compile").isEmpty();
	}

	@Test
	void snippetsUseOnlyThePublicApi() {
		List<String> internal = snippets().stream()
			.filter((snippet) -> snippet.code().contains("dev.cxp.internal"))
			.map(Docs.Block::where)
			.toList();
		assertThat(internal).as("snippets that use dev.cxp.internal").isEmpty();
	}

	@Test
	void theDocsHaveSnippetsToCompile() {
		assertThat(snippets()).extracting((snippet) -> snippet.page().toString())
			.contains("README.md", Path.of("docs", "endpoints.md").toString());
	}

	@Test
	void aSnippetThatDoesNotCompileIsCaught() {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String broken = "import dev.cxp.consent.ConsentSource;\nclass Broken implements ConsentSource {}\n";
		boolean compiled = compiler.getTask(new StringWriter(), null, new DiagnosticCollector<>(),
				List.of("-classpath", System.getProperty("java.class.path"), "-d", output(-1).toString(), "-proc:none"),
				null, List.of(new Source("Broken", broken)))
			.call();
		assertThat(compiled).isFalse();
	}

	private static List<Docs.Block> snippets() {
		return Docs.allBlocks().stream().filter((block) -> block.language().equals("java")).toList();
	}

	private Path output(int index) {
		try {
			return Files.createDirectories(this.classes.resolve("snippet" + index));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A snippet as a source file of the compiler, named after its first type.
	 */
	private static final class Source extends SimpleJavaFileObject {

		private final String code;

		Source(String typeName, String code) {
			super(URI.create("string:///" + typeName + Kind.SOURCE.extension), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
