package org.iotgateway.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Markdown reader for the docs checks: fenced code blocks, the prose lines around
 * them (inline code taken out), links, and the anchors GitHub gives headings. Pure.
 */
final class Markdown {
    /** An opening fence; in a list item it is indented like the item's text (up to 3 more spaces). */
    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    /** A fenced code block: the line after its opening fence (1-based), its info string, its text. */
    record CodeBlock(int line, String info, String text) {
        String language() {
            return info.isBlank() ? "" : info.strip().split("\\s+")[0];
        }

        List<String> markers() {
            String[] words = info.strip().split("\\s+");
            return List.of(words).subList(Math.min(1, words.length), words.length);
        }
    }

    /** A link target and the line it is on. */
    record Link(int line, String target) {
    }

    private Markdown() {
    }

    static List<CodeBlock> codeBlocks(String text) {
        List<CodeBlock> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            int indent = open.group(1).length();
            StringBuilder body = new StringBuilder();
            int start = i + 2;
            for (i++; i < lines.length && !closes(lines[i], fence); i++) {
                // The fence's own indentation is not part of the code (CommonMark, fenced code blocks).
                int strip = 0;
                while (strip < indent && strip < lines[i].length() && lines[i].charAt(strip) == ' ') {
                    strip++;
                }
                body.append(lines[i].substring(strip)).append('\n');
            }
            out.add(new CodeBlock(start, open.group(3), body.toString()));
        }
        return out;
    }

    /** The lines outside code blocks, by 1-based number, with code spans blanked out. */
    static Map<Integer, String> prose(String text) {
        Map<Integer, String> out = new java.util.LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (fence == null && m.matches()) {
                fence = m.group(2);
            } else if (fence != null) {
                if (closes(lines[i], fence)) {
                    fence = null;
                }
            } else {
                out.put(i + 1, CODE_SPAN.matcher(lines[i]).replaceAll(r -> " ".repeat(r.group().length())));
            }
        }
        return out;
    }

    static List<Link> links(String text) {
        List<Link> out = new ArrayList<>();
        prose(text).forEach((line, s) -> {
            Matcher inline = INLINE_LINK.matcher(s);
            while (inline.find()) {
                out.add(new Link(line, inline.group(2)));
            }
            Matcher ref = REFERENCE.matcher(s);
            if (ref.matches()) {
                out.add(new Link(line, ref.group(1)));
            }
        });
        return out;
    }

    /** The anchors a page has: its headings' GitHub ids (with -1, -2 for repeats) and explicit HTML anchors. */
    static Set<String> anchors(String text) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\n", -1);
        Map<Integer, String> prose = prose(text);
        for (Map.Entry<Integer, String> e : prose.entrySet()) {
            Matcher h = HEADING.matcher(lines[e.getKey() - 1]);
            if (h.matches()) {
                String slug = slug(h.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                out.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher a = HTML_ANCHOR.matcher(e.getValue());
            while (a.find()) {
                out.add(a.group(1));
            }
        }
        return out;
    }

    /**
     * GitHub's heading id (github-slugger): the heading's text as rendered (link targets and
     * backticks gone), lower case, without punctuation and symbols but {@code -} and {@code _},
     * each space a {@code -}.
     */
    static String slug(String heading) {
        String rendered = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        StringBuilder out = new StringBuilder();
        rendered.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == ' ') {
                out.append('-');
            } else if (c == '-' || c == '_' || Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean closes(String line, String fence) {
        String s = line.strip();
        return s.length() >= fence.length() && s.chars().allMatch(ch -> ch == fence.charAt(0));
    }
}
