package dev.cxp.autoconfigure;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The names of every {@code cxp.*} property, worked out from {@link CxpProperties} itself so that they can never
 * drift from what binds, and the nearest of them to a name that does not bind. A map's keys and a list's indexes
 * are written {@code *}: {@code cxp.consent.regions.*.required}.
 */
final class CxpPropertyNames {

	private static final String ANY = "*";

	private final List<String> names;

	private CxpPropertyNames(List<String> names) {
		this.names = List.copyOf(names);
	}

	/**
	 * The names of the properties {@link CxpProperties} binds.
	 * @return the names
	 */
	static CxpPropertyNames of() {
		List<String> names = new ArrayList<>();
		collect("cxp", CxpProperties.class, names);
		return new CxpPropertyNames(names);
	}

	/**
	 * Every name, with {@code *} for a map key or list index.
	 * @return the names
	 */
	List<String> names() {
		return this.names;
	}

	/**
	 * The valid name nearest to one that does not bind, when one is near enough to be the one meant.
	 * @param unknown a property name in canonical form, such as {@code cxp.consent.requried}
	 * @return the nearest valid name, with the unknown name's own map keys, or {@code null}
	 */
	@Nullable String nearest(String unknown) {
		String[] segments = unknown.split("\\.");
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String name : this.names) {
			String candidate = withKeysOf(name.split("\\."), segments);
			if (candidate != null) {
				int distance = distance(unknown, candidate);
				if (distance < bestDistance) {
					best = candidate;
					bestDistance = distance;
				}
			}
		}
		// A third of the last segment, at least two edits: a typo, not another property
		int lastSegment = segments[segments.length - 1].length();
		return (best != null && bestDistance <= Math.max(2, lastSegment / 3)) ? best : null;
	}

	// The name with each '*' replaced by the unknown name's segment at that place; null when they differ in depth
	private static @Nullable String withKeysOf(String[] name, String[] unknown) {
		if (name.length != unknown.length) {
			return null;
		}
		StringBuilder candidate = new StringBuilder();
		for (int i = 0; i < name.length; i++) {
			candidate.append((i > 0) ? "." : "").append(ANY.equals(name[i]) ? unknown[i] : name[i]);
		}
		return candidate.toString();
	}

	private static void collect(String prefix, Class<?> type, List<String> names) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebabCase(component.getName());
			collect(name, component.getType(), component.getGenericType(), names);
		}
	}

	private static void collect(String name, Class<?> type, Type genericType, List<String> names) {
		if (type.isRecord()) {
			collect(name, type, names);
		}
		else if (Map.class.isAssignableFrom(type) && genericType instanceof ParameterizedType map
				&& map.getActualTypeArguments()[1] instanceof Class<?> value && value.isRecord()) {
			collect(name + "." + ANY, value, names);
		}
		else if (Map.class.isAssignableFrom(type)) {
			names.add(name + "." + ANY);
		}
		else {
			names.add(name);
		}
	}

	private static String kebabCase(String camelCase) {
		StringBuilder kebab = new StringBuilder();
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
