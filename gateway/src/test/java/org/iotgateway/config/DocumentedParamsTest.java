package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.driver.InvalidValueException;
import org.junit.jupiter.api.Test;

/**
 * The config reference states what the code does: every key of every config record has
 * {@code @param} Javadoc in the form {@link ParamDoc} reads; a {@code default VALUE} there is the
 * default the record's constructor gives, and a key with a default says so; a {@code range} bound
 * is where the constructor starts refusing (the bound itself accepted, one step beyond refused: one
 * in the bound's last digit or unit, the next double).
 */
class DocumentedParamsTest {
    private static final Pattern BETWEEN = Pattern.compile("(\\S+)–(\\S+)");
    private static final Pattern ONE_SIDE = Pattern.compile("(at least|at most|more than|less than) (\\S+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Test
    void everyKeyIsDocumentedAndItsDefaultIsTheConstructors() {
        List<String> wrong = new ArrayList<>();
        for (Class<? extends Record> type : ConfigRecords.all()) {
            RecordProbe probe = RecordProbe.of(type);
            for (RecordComponent c : type.getRecordComponents()) {
                String where = type.getSimpleName() + " '" + RecordBinder.key(c) + "'";
                String text = RecordJavadoc.of(type).params().get(c.getName());
                if (text == null || text.isBlank()) {
                    wrong.add(where + ": no @param Javadoc (it is the key's description in the schema and the docs)");
                    continue;
                }
                ParamDoc doc;
                try {
                    doc = ParamDoc.of(text);
                } catch (IllegalArgumentException e) {
                    wrong.add(where + ": " + e.getMessage());
                    continue;
                }
                if (probe.required().contains(RecordBinder.key(c))) {
                    if (doc.defaultValue() != null || doc.defaultProse() != null) {
                        wrong.add(where + ": required, yet the Javadoc gives a default");
                    }
                    continue;
                }
                Object actual = probe.minimal() == null ? null : KeyRow.component(probe.minimal(), c);
                if (doc.defaultValue() != null) {
                    Object documented = parse(doc.defaultValue(), c.getGenericType());
                    if (probe.minimal() == null || !documented.equals(actual)) {
                        wrong.add(where + ": the Javadoc says default " + doc.defaultValue() + ", the constructor gives "
                                + (probe.minimal() == null ? "nothing it can build alone" : actual));
                    }
                } else if (doc.defaultProse() == null && isValue(actual)) {
                    wrong.add(where + ": the constructor defaults it to " + actual + "; say so as '(default "
                            + KeyRow.inline(SchemaScalars.yaml(actual)) + ")' or '(default: TEXT)' at the end of its @param");
                }
            }
        }
        assertThat(wrong).as("see scripts/README.md, \"Config keys\"").isEmpty();
    }

    @Test
    void everyDocumentedBoundIsWhereTheConstructorStartsRefusing() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<? extends Record> type : ConfigRecords.all()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                ParamDoc doc = ParamDoc.of(RecordJavadoc.of(type).params().getOrDefault(components[i].getName(), ""));
                for (String part : doc.rangeParts()) {
                    Matcher between = BETWEEN.matcher(part);
                    Matcher side = ONE_SIDE.matcher(part);
                    String where = type.getSimpleName() + " '" + RecordBinder.key(components[i]) + "' range '" + part + "'";
                    if (between.matches()) {
                        wrong.addAll(bound(type, i, "at least", between.group(1), where));
                        wrong.addAll(bound(type, i, "at most", between.group(2), where));
                        checked += 2;
                    } else if (side.matches()) {
                        wrong.addAll(bound(type, i, side.group(1), side.group(2), where));
                        checked++;
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("documented bounds checked").isGreaterThan(20);
    }

    /** Problems with one bound: the value at it and the one a step beyond, accepted or refused as the words say. */
    private static List<String> bound(Class<? extends Record> type, int index, String words, String value, String where) {
        RecordComponent c = type.getRecordComponents()[index];
        Object at = parse(value, c.getGenericType());
        boolean upper = words.equals("at most") || words.equals("less than");
        Object beyond = step(at, value, upper);
        boolean inclusive = words.startsWith("at ");
        List<String> wrong = new ArrayList<>();
        // "more than 0": 0 refused, the next value up accepted.
        Object inside = inclusive ? at : step(at, value, !upper);
        Object outside = inclusive ? beyond : at;
        if (!accepts(type, index, inside)) {
            wrong.add(where + ": the constructor refuses " + inside);
        }
        if (accepts(type, index, outside)) {
            wrong.add(where + ": the constructor accepts " + outside);
        }
        return wrong;
    }

    private static Object step(Object v, String written, boolean up) {
        int sign = up ? 1 : -1;
        if (v instanceof Integer i) {
            return i + sign;
        }
        if (v instanceof Long l) {
            return l + sign;
        }
        if (v instanceof Double d) {
            return up ? Math.nextUp(d) : Math.nextDown(d);
        }
        if (v instanceof DataSize s) {
            return new DataSize(s.bytes() + sign);
        }
        if (v instanceof Duration d) {
            Matcher m = DURATION.matcher(written);
            if (!m.matches()) {
                throw new IllegalArgumentException("a duration bound is written as a whole number and a unit: " + written);
            }
            return d.plus(Durations.parse("1" + m.group(2)).multipliedBy(sign));
        }
        throw new IllegalArgumentException("no range check for values of " + v.getClass().getSimpleName()
                + "; write the range as words instead");
    }

    private static boolean accepts(Class<? extends Record> type, int index, Object value) {
        RecordProbe probe = RecordProbe.of(type);
        if (probe.arguments() == null) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be built from samples of its required keys, "
                    + "so its ranges cannot be checked: teach RecordProbe a sample");
        }
        Object[] args = probe.arguments().toArray();
        args[index] = value;
        try {
            RecordProbe.construct(type, type.getRecordComponents(), args);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** A YAML value (backticks around it allowed) bound as the loader binds it. */
    static Object parse(String yaml, Type type) {
        String text = yaml.length() > 1 && yaml.startsWith("`") && yaml.endsWith("`") ? yaml.substring(1, yaml.length() - 1) : yaml;
        Problems problems = new Problems("javadoc");
        JsonNode node = YamlTreeReader.read("v: " + text + "\n", problems).get("v");
        Object value = node == null ? null : new RecordBinder(problems).value(type, node, "/v");
        if (value == null || value == RecordBinder.FAILED) {
            throw new IllegalArgumentException("'" + yaml + "' is not a " + type.getTypeName() + " in YAML: "
                    + (problems.isEmpty() ? "" : problems.exception().getMessage()));
        }
        return value;
    }

    private static boolean isValue(Object v) {
        return v != null && !(v instanceof List<?> l && l.isEmpty()) && SchemaScalars.yaml(v) != null
                && !(v instanceof Double d && new BigDecimal(d).scale() > 10);
    }
}
