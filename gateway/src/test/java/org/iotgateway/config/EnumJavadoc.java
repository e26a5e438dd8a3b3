package org.iotgateway.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of an enum's constants, read from its source as {@link RecordJavadoc} reads a
 * record's: constant (YAML name) to plain text, for the constants that have one. Test code.
 */
final class EnumJavadoc {
    private static final Pattern CONSTANT = Pattern.compile(
            "(?:/\\*\\*((?:(?!\\*/).)*)\\*/\\s*)?(?:@\\w+\\s*)*\\b([A-Z][A-Z0-9_]*)\\s*(?:\\([^)]*\\)\\s*)?(?=[,;}])",
            Pattern.DOTALL);

    private EnumJavadoc() {
    }

    static Map<String, String> of(Class<?> enumType) {
        String source = RecordJavadoc.read(enumType);
        Matcher decl = Pattern.compile("\\benum\\s+" + enumType.getSimpleName() + "\\b[^{]*\\{").matcher(source);
        if (!decl.find()) {
            throw new IllegalStateException("no 'enum " + enumType.getSimpleName() + "' in its source");
        }
        int end = constantsEnd(source, decl.end());
        Map<String, String> docs = new LinkedHashMap<>();
        Matcher m = CONSTANT.matcher(source.substring(decl.end(), end + 1));
        while (m.find()) {
            if (m.group(1) != null) {
                String text = RecordJavadoc.plain(m.group(1).replaceAll("(?m)^\\s*\\*", " "));
                docs.put(yamlName(enumType, m.group(2)), text);
            }
        }
        return docs;
    }

    private static String yamlName(Class<?> enumType, String constant) {
        for (Object c : enumType.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return EnumNames.name((Enum<?>) c);
            }
        }
        throw new IllegalStateException(enumType.getSimpleName() + " has no constant " + constant);
    }

    /** The index of the ';' or '}' that ends the constant list (outside comments and parentheses). */
    private static int constantsEnd(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i) + 1;
                continue;
            }
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && (c == ';' || c == '}')) {
                return i;
            }
        }
        throw new IllegalStateException("unterminated enum");
    }
}
