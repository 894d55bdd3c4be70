package vn.ideabank;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the route-scope matrix sends to a handler, read from its signature: the request parameters and
 * form fields it binds, a JSON body for {@code @RequestBody}, a file for a {@code MultipartFile}, each
 * with a plausible value that names B's objects where the name says it is an id (so a write gets past
 * validation to the permission check) and the current version of the object the path names.
 */
final class RouteRequests {

	/** A request's parameters (form or query), JSON body (or null) and file parameter names. */
	record Payload(Map<String, List<String>> params, String json, List<String> files) {
	}

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final RouteScopeWorld world;

	private final Function<String, Long> versionOfKind;

	RouteRequests(RouteScopeWorld world, Function<String, Long> versionOfKind) {
		this.world = world;
		this.versionOfKind = versionOfKind;
	}

	/** The path variables' names of the handler, in order. */
	static List<String> pathVariables(String pattern) {
		List<String> names = new ArrayList<>();
		for (int i = pattern.indexOf('{'); i >= 0; i = pattern.indexOf('{', i + 1)) {
			String name = pattern.substring(i + 1, pattern.indexOf('}', i));
			names.add(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
		}
		return names;
	}

	/** Whether the handler binds a unit filter (a parameter or form field {@code unit} or {@code unitId}). */
	static boolean takesUnit(HandlerMethod handler) {
		for (MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(NAMES);
			if (p.hasParameterAnnotation(RequestParam.class) && isUnit(paramName(p))) {
				return true;
			}
			if (isForm(p) && BeanUtils.getPropertyDescriptors(p.getParameterType()).length > 0) {
				for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(p.getParameterType())) {
					if (d.getWriteMethod() != null && isUnit(d.getName())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * The payload: with {@code everything} every parameter and form field, else only the required request
	 * parameters. {@code mainKind} is the kind of the object the path names (its version is sent).
	 */
	Payload payload(HandlerMethod handler, String mainKind, boolean everything) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		List<String> files = new ArrayList<>();
		String json = null;
		for (MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(NAMES);
			Class<?> type = p.getParameterType();
			if (p.hasParameterAnnotation(PathVariable.class)) {
				continue;
			}
			if (MultipartFile.class.isAssignableFrom(type)) {
				files.add(paramName(p));
			}
			else if (p.hasParameterAnnotation(RequestBody.class)) {
				json = json(value(null, type, p.getGenericParameterType(), mainKind, 0));
			}
			else if (p.hasParameterAnnotation(RequestParam.class)) {
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				boolean required = rp.required() && rp.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
						&& !p.isOptional();
				if ((everything || required) && !Map.class.isAssignableFrom(type)) {
					params.put(paramName(p), strings(value(paramName(p), type, p.getGenericParameterType(), mainKind, 0)));
				}
			}
			else if (everything && isForm(p)) {
				form("", type, mainKind, params, 0);
			}
		}
		return new Payload(params, json, files);
	}

	private void form(String prefix, Class<?> type, String mainKind, Map<String, List<String>> params, int depth) {
		for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
			if (d.getWriteMethod() == null) {
				continue;
			}
			Class<?> t = d.getPropertyType();
			if (simple(t) || Collection.class.isAssignableFrom(t)) {
				params.put(prefix + d.getName(), strings(value(d.getName(), t, d.getWriteMethod().getGenericParameterTypes()[0],
						mainKind, depth)));
			}
			else if (depth < 2 && !Map.class.isAssignableFrom(t) && !MultipartFile.class.isAssignableFrom(t)) {
				form(prefix + d.getName() + ".", t, mainKind, params, depth + 1);
			}
		}
	}

	/** A plausible value: by the name first (ids name B's objects), then by the type. */
	Object value(String name, Class<?> type, Type generic, String mainKind, int depth) {
		String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
		var b = world.b;
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			Class<?> element = type.isArray() ? type.getComponentType() : elementOf(generic);
			return element == null ? List.of() : List.of(value(singular(name), element, element, mainKind, depth + 1));
		}
		if (type == Long.class || type == long.class) {
			if (n.equals("version")) {
				return versionOfKind.apply(mainKind);
			}
			if (isUnit(n) || n.equals("parentid") || n.equals("recipientunitid")) {
				return b.unit().id();
			}
			return switch (n) {
				case "ideaid", "idea", "id" -> b.acceptedIdea();
				case "memberid" -> b.member();
				case "startupid" -> b.startup();
				case "reviewerid", "accountid" -> b.staffAccountId();
				case "itemid" -> b.reviewItem();
				case "nominationid" -> b.nomination();
				case "amount" -> 1000L;
				default -> 1L;
			};
		}
		if (type == Integer.class || type == int.class) {
			return n.contains("year") ? LocalDate.now().getYear() : n.equals("page") ? 0 : 1;
		}
		if (type == Boolean.class || type == boolean.class) {
			return true;
		}
		if (type == LocalDate.class) {
			return n.contains("close") || n.contains("deadline") || n.contains("due") || n.contains("until")
					? LocalDate.now().plusDays(10) : LocalDate.now();
		}
		if (type == BigDecimal.class) {
			return new BigDecimal("1000");
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		if (type == String.class) {
			return switch (n) {
				case "username", "usernames" -> b.staffUsername();
				case "email" -> "rs.thu@example.com";
				case "phone" -> "0912345678";
				case "password", "newpassword", "currentpassword", "confirmpassword", "repeat" -> "Rs-mat-khau-12345";
				case "period" -> "QUY-" + LocalDate.now().getYear() + "-1";
				default -> "Thử phạm vi " + (name == null ? "" : name);
			};
		}
		if (Map.class.isAssignableFrom(type) || depth > 3) {
			return Map.of();
		}
		Map<String, Object> object = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				object.put(c.getName(), value(c.getName(), c.getType(), c.getGenericType(), mainKind, depth + 1));
			}
		}
		else {
			for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
				if (d.getWriteMethod() != null) {
					object.put(d.getName(), value(d.getName(), d.getPropertyType(),
							d.getWriteMethod().getGenericParameterTypes()[0], mainKind, depth + 1));
				}
			}
		}
		return object;
	}

	private static List<String> strings(Object value) {
		if (value instanceof Collection<?> c) {
			return c.stream().map(String::valueOf).toList();
		}
		return value instanceof Map<?, ?> ? List.of() : List.of(String.valueOf(value));
	}

	static String json(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map<?, ?> m) {
			StringBuilder out = new StringBuilder("{");
			m.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(json(String.valueOf(k))).append(':').append(json(v)));
			return out.append('}').toString();
		}
		if (value instanceof Collection<?> c) {
			return c.stream().map(RouteRequests::json).collect(java.util.stream.Collectors.joining(",", "[", "]"));
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static Class<?> elementOf(Type generic) {
		if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
			return c;
		}
		return null;
	}

	private static String singular(String name) {
		if (name == null) {
			return null;
		}
		return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	private static boolean isUnit(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.equals("unit") || n.equals("unitid");
	}

	private static String paramName(MethodParameter p) {
		RequestParam rp = p.getParameterAnnotation(RequestParam.class);
		if (rp != null && !rp.name().isEmpty()) {
			return rp.name();
		}
		return p.getParameterName();
	}

	/** A form object bound from the request: not simple, not a framework type, not annotated otherwise. */
	private static boolean isForm(MethodParameter p) {
		Class<?> t = p.getParameterType();
		String pkg = t.getPackageName();
		return !simple(t) && !p.hasParameterAnnotation(RequestBody.class) && !p.hasParameterAnnotation(RequestParam.class)
				&& !p.hasParameterAnnotation(PathVariable.class) && pkg.startsWith("vn.ideabank")
				&& !t.isInterface();
	}

	private static boolean simple(Class<?> t) {
		return BeanUtils.isSimpleProperty(t) || t == LocalDate.class;
	}
}
