package dev.cxp.internal.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentView;
import dev.cxp.internal.web.CxpScript;
import dev.cxp.visitor.CxpVisitorView;

/**
 * The starter's runtime hints, registered through {@code META-INF/spring/aot.factories}: the resources it
 * loads by name (the browser script and the Redis store's Lua script) and the records it writes as JSON by
 * reflection (the consent and visitor endpoints' answers, and the {@code cxp} Actuator endpoint's
 * descriptor).
 *
 * @since 0.2.0
 */
public class CxpRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The Lua script of the Redis session store, loaded by name.
	 */
	static final String RECORD_PAGE_VIEW_SCRIPT = "dev/cxp/internal/session/redis/record-page-view.lua";

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CxpScript.LOCATION).registerPattern(RECORD_PAGE_VIEW_SCRIPT);
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), ConsentView.class, ConsentProblem.class,
				CxpVisitorView.class, CxpEndpoint.CxpDescriptor.class);
	}

}
