package org.iotgateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's Javadoc read from its source file: the lead text and each {@code @param}, as plain
 * text with {@code {@code x}} written as {@code `x`}. The schema's descriptions come from here, so
 * the Javadoc stays their one source. Test code: the sources are at hand when the schema is generated.
 *
 * @param lead the text before the first tag ("" when there is none)
 * @param params component name to its {@code @param} text
 */
record RecordJavadoc(String lead, Map<String, String> params) {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String[] SOURCE_ROOTS = {"gateway/src/main/java", "drivers/src/main/java"};
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|literal) ");

    static RecordJavadoc of(Class<?> type) {
        String source = read(type);
        int decl = source.indexOf("record " + type.getSimpleName() + "(");
        int end = decl < 0 ? -1 : source.lastIndexOf("*/", decl);
        int start = end < 0 ? -1 : source.lastIndexOf("/**", end);
        if (start < 0 || source.substring(end, decl).matches("(?s).*[;{}].*")) {
            return new RecordJavadoc("", Map.of()); // no Javadoc right above the declaration
        }
        String text = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ");
        String[] parts = text.split("(?=(?<!\\{)@[a-z]+\\s)");
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : parts) {
            Matcher m = Pattern.compile("@param\\s+(\\w+)\\s+(.*)", Pattern.DOTALL).matcher(part);
            if (m.matches()) {
                params.put(m.group(1), plain(m.group(2)));
            }
        }
        return new RecordJavadoc(parts[0].startsWith("@") ? "" : plain(parts[0]), params);
    }

    /** Collapses whitespace and turns inline tags into backticks, keeping nested braces. */
    static String plain(String javadoc) {
        String s = javadoc.replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE_TAG.matcher(s);
        int at = 0;
        while (m.find(at)) {
            out.append(s, at, m.start()).append('`');
            int depth = 1;
            int i = m.end();
            for (; i < s.length() && depth > 0; i++) {
                char c = s.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth > 0) {
                    out.append(c);
                }
            }
            out.append('`');
            at = i;
        }
        return out.append(s.substring(at)).toString().replace("<p>", "");
    }

    static String read(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String file = top.getName().replace('.', '/') + ".java";
        for (String root : SOURCE_ROOTS) {
            Path p = REPO.resolve(root).resolve(file);
            if (Files.exists(p)) {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no source for " + type.getName() + " under " + REPO + ": the schema's "
                + "descriptions come from the records' Javadoc");
    }
}
