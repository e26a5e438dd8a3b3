package org.iotgateway.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of a Markdown file, each between
 * {@code <!-- generated: NAME ... -->} and {@code <!-- end generated: NAME -->}: read them, or
 * replace what is between the markers. The text outside is left byte for byte. Pure.
 */
public final class GeneratedRegions {
    private static final Pattern BEGIN = Pattern.compile("<!-- generated: ([a-z0-9-]+)\\b[^\\n]*?-->\\n");

    private GeneratedRegions() {
    }

    /** The begin marker of a region, with the hint that tells an editor where the text comes from. */
    public static String begin(String name) {
        return "<!-- generated: " + name + " (from the code, do not edit: scripts/README.md tells how to regenerate) -->\n";
    }

    public static String end(String name) {
        return "<!-- end generated: " + name + " -->";
    }

    /** Region name to its current text (without the markers), in file order. */
    public static Map<String, String> read(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = BEGIN.matcher(markdown);
        while (m.find()) {
            String name = m.group(1);
            int end = markdown.indexOf(end(name), m.end());
            if (end < 0) {
                throw new IllegalArgumentException("generated region '" + name + "' has no '" + end(name) + "'");
            }
            if (out.put(name, markdown.substring(m.end(), end)) != null) {
                throw new IllegalArgumentException("generated region '" + name + "' appears twice");
            }
        }
        return out;
    }

    /** The markdown with every region's text replaced by {@code content.apply(name)}. */
    public static String replace(String markdown, Function<String, String> content) {
        StringBuilder out = new StringBuilder();
        Matcher m = BEGIN.matcher(markdown);
        int at = 0;
        while (m.find(at)) {
            String name = m.group(1);
            int end = markdown.indexOf(end(name), m.end());
            if (end < 0) {
                throw new IllegalArgumentException("generated region '" + name + "' has no '" + end(name) + "'");
            }
            out.append(markdown, at, m.start()).append(begin(name)).append(content.apply(name));
            at = end;
        }
        return out.append(markdown.substring(at)).toString();
    }

    /** A whole region, markers included, to paste into a file. */
    public static String region(String name, String content) {
        return begin(name) + content + end(name);
    }
}
