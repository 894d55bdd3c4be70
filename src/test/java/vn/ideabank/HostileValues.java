package vn.ideabank;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the hostile-input test sends: the fields a handler binds, read from its signature by reflection
 * (request parameters, the form object's bean properties, the JSON body's components), and for each a few
 * hostile values of its type, sampled in turn from the sets below so that a whole run uses every one.
 */
public final class HostileValues {

	/** One input of a handler: a request parameter or form field ({@code json} false) or a JSON body field. */
	record Field(String name, Class<?> type, boolean json, boolean many) {
	}

	/** A hostile value: what is sent (a string for forms; a string or number for JSON) and what it is. */
	record Value(Object sent, String label) {

		@Override
		public String toString() {
			return label;
		}
	}

	static final String NFD_VIETNAMESE = Normalizer.normalize("Nguyễn Thị Thủy Tiên đề xuất sáng kiến", Normalizer.Form.NFD);

	static final List<Value> STRINGS = List.of(new Value("ư".repeat(10_000), "10,000 chars"),
			new Value("a\u0000b", "U+0000"), new Value("đầu\u0001\u0007\u001b[31m\u007f\u0085cuối", "control chars"),
			new Value(NFD_VIETNAMESE, "NFD Vietnamese"), new Value("\u202Egpj.exe", "RTL override U+202E"),
			new Value("'\";--", "SQL quote"), new Value("<script>alert(1)</script>", "<script>"),
			new Value("100%_", "%_ wildcards"), new Value("{{7*7}}[[${7*7}]]", "template syntax"),
			new Value("../../../etc/passwd", "../ path"), new Value("   ", "blank"));

	/**
	 * The hostile texts as the application may have stored them (NFC, trimmed): other tests that look for private
	 * texts on public pages leave these out, since this test writes the same ones into public and private records.
	 */
	public static List<String> texts() {
		return STRINGS.stream().map(v -> v.sent().toString())
			.flatMap(t -> java.util.stream.Stream.of(t, Normalizer.normalize(t, Normalizer.Form.NFC).strip()))
			.distinct().toList();
	}

	/** Only where a body limit applies (JSON): over it, so a 413 is the answer. */
	static final Value MILLION = new Value("x".repeat(1_000_000), "1,000,000 chars");

	static final List<Value> NUMBERS = List.of(new Value("-1", "-1"), new Value("2147483648", "2147483648"),
			new Value("1e308", "1e308"), new Value("NaN", "NaN"), new Value("0", "0 (id of nothing)"),
			new Value("999999999", "999999999 (id of nothing)"), new Value("99999999999999999999", "past a long"));

	static final List<Value> DATES = List.of(new Value("2026-02-30", "2026-02-30"), new Value("0000-01-01", "0000-01-01"),
			new Value("99999-01-01", "99999-01-01"), new Value("30/02/2026", "30/02/2026"));

	static final List<Value> OTHERS = List.of(new Value("KHONG_TON_TAI", "unknown value"), new Value("\u0000", "U+0000 alone"));

	static final List<String> FILE_NAMES = List.of("\u202Excod.exe", "a\u0000b.docx", "ư".repeat(300) + ".docx",
			"../../../etc/passwd.docx", "<script>.docx", NFD_VIETNAMESE + ".docx");

	/** Path variables: ids of nothing, and one past a long. */
	static final List<String> IDS_OF_NOTHING = List.of("0", "-1", "999999999", "99999999999999999999");

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private int turn;

	/** {@code count} values for a field of this type, the next ones of its set (so a run covers the set). */
	List<Value> sample(Field field, int count) {
		List<Value> set = setFor(field.type());
		List<Value> picked = new ArrayList<>();
		for (int i = 0; i < Math.min(count, set.size()); i++) {
			picked.add(set.get(turn++ % set.size()));
		}
		return picked;
	}

	/** The value as sent in JSON: a number where the text is one (so Jackson sees a number), else a string. */
	static Object forJson(Value value) {
		String s = (String) value.sent();
		if (s.matches("-?\\d+")) {
			return new java.math.BigInteger(s);
		}
		return s.equals("1e308") ? new BigDecimal("1e308") : s;
	}

	private static List<Value> setFor(Class<?> type) {
		if (type == String.class) {
			return STRINGS;
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return NUMBERS;
		}
		if (type == LocalDate.class || type.getName().startsWith("java.time.")) {
			return DATES;
		}
		return OTHERS;
	}

	/** The fields the handler binds (path variables and files aside). */
	static List<Field> fields(HandlerMethod handler) {
		List<Field> fields = new ArrayList<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(NAMES);
			Class<?> type = p.getParameterType();
			if (p.hasParameterAnnotation(PathVariable.class) || MultipartFile.class.isAssignableFrom(type)
					|| Map.class.isAssignableFrom(type)) {
				continue;
			}
			if (p.hasParameterAnnotation(RequestBody.class)) {
				if (type.isRecord()) {
					for (RecordComponent c : type.getRecordComponents()) {
						fields.add(field(c.getName(), c.getType(), c.getGenericType(), true));
					}
				}
				else if (!simple(type) && !Collection.class.isAssignableFrom(type)) {
					bean("", type, true, fields, 0);
				}
			}
			else if (p.hasParameterAnnotation(RequestParam.class)) {
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				String name = rp.name().isEmpty() ? p.getParameterName() : rp.name();
				if (!MultipartFile.class.isAssignableFrom(element(type, p.getGenericParameterType()))) {
					fields.add(field(name, type, p.getGenericParameterType(), false));
				}
			}
			else if (isForm(p)) {
				bean("", type, false, fields, 0);
			}
		}
		return fields;
	}

	private static void bean(String prefix, Class<?> type, boolean json, List<Field> fields, int depth) {
		for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
			if (d.getWriteMethod() == null) {
				continue;
			}
			Class<?> t = d.getPropertyType();
			Type generic = d.getWriteMethod().getGenericParameterTypes()[0];
			if (MultipartFile.class.isAssignableFrom(element(t, generic)) || Map.class.isAssignableFrom(t)) {
				continue;
			}
			if (simple(t) || Collection.class.isAssignableFrom(t) || t.isArray() || json) {
				fields.add(field(prefix + d.getName(), t, generic, json));
			}
			else if (depth < 2) {
				bean(prefix + d.getName() + ".", t, json, fields, depth + 1);
			}
		}
	}

	private static Field field(String name, Class<?> type, Type generic, boolean json) {
		boolean many = Collection.class.isAssignableFrom(type) || type.isArray();
		return new Field(name, many ? element(type, generic) : type, json, many);
	}

	private static Class<?> element(Class<?> type, Type generic) {
		if (type.isArray()) {
			return type.getComponentType();
		}
		if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
				&& p.getActualTypeArguments()[0] instanceof Class<?> c) {
			return c;
		}
		return type;
	}

	/** A form object bound from the request: not simple, not a framework type, not annotated otherwise. */
	private static boolean isForm(MethodParameter p) {
		Class<?> t = p.getParameterType();
		return !simple(t) && !p.hasParameterAnnotation(RequestBody.class) && !p.hasParameterAnnotation(RequestParam.class)
				&& !p.hasParameterAnnotation(PathVariable.class) && t.getPackageName().startsWith("vn.ideabank")
				&& !t.isInterface();
	}

	private static boolean simple(Class<?> t) {
		return BeanUtils.isSimpleProperty(t) || t == LocalDate.class;
	}
}
