package org.iotgateway.config;

import java.util.List;

/**
 * One {@code @param} text of a config record split the way the reference tables show it. The
 * convention (scripts/README.md, "Config keys"): the text may end in one parenthesis whose parts,
 * separated by {@code ;}, are {@code default VALUE} (a YAML value, checked against the record's
 * constructor), {@code default: TEXT} (prose, when the default depends on something else) and
 * {@code range RANGE} (checked where it has the form {@code A–B}, {@code at least A}, {@code at most
 * B}, {@code more than A} or {@code less than B}). Pure.
 *
 * @param meaning the text without that parenthesis
 * @param defaultValue the YAML after {@code default }, or null
 * @param defaultProse the text after {@code default: }, or null
 * @param range the text after {@code range }, or null
 */
record ParamDoc(String meaning, String defaultValue, String defaultProse, String range) {

    static ParamDoc of(String text) {
        String t = text.strip();
        int open = t.endsWith(")") ? matchingOpen(t) : -1;
        if (open < 0) {
            return new ParamDoc(t, null, null, null);
        }
        String inner = t.substring(open + 1, t.length() - 1);
        if (!inner.startsWith("default") && !inner.startsWith("range ")) {
            return new ParamDoc(t, null, null, null);
        }
        String value = null;
        String prose = null;
        String range = null;
        for (String part : splitTopLevel(inner)) {
            String p = part.strip();
            if (p.startsWith("default: ")) {
                prose = p.substring("default: ".length()).strip();
            } else if (p.startsWith("default ")) {
                value = p.substring("default ".length()).strip();
            } else if (p.startsWith("range ")) {
                range = p.substring("range ".length()).strip();
            } else {
                throw new IllegalArgumentException("in '" + text + "': '" + p + "' is neither 'default VALUE', "
                        + "'default: TEXT' nor 'range RANGE'");
            }
        }
        return new ParamDoc(t.substring(0, open).strip(), value, prose, range);
    }

    /** The parts of a range: "a power of two, 16–16777216" is two. */
    List<String> rangeParts() {
        return range == null ? List.of() : List.of(range.split(",\\s+(?![^(]*\\))"));
    }

    private static int matchingOpen(String t) {
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (c == ';' && depth == 0) {
                out.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        out.add(inner.substring(from));
        return out;
    }
}
