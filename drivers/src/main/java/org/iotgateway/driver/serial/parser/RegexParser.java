package org.iotgateway.driver.serial.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose named groups ({@code (?<temp>[-0.9.]+)}) are the fields. A line that
 * does not match is {@code no-match}; a group that did not take part is skipped.
 */
public final class RegexParser extends TextParser {
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Pattern pattern;
    private final String[] groups;

    public RegexParser(Pattern pattern) {
        this.pattern = pattern;
        this.groups = groupNames(pattern.pattern()).toArray(String[]::new);
    }

    /** The named groups of a pattern, in order; Java 17 has no API for them. */
    public static List<String> groupNames(String regex) {
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    void parseLine(String line, FieldSink out) throws BadInput {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            throw new BadInput("no-match", "line does not match the pattern: '" + Numbers.shorten(line) + "'");
        }
        double[] values = new double[groups.length];
        for (int i = 0; i < groups.length; i++) {
            String v = m.group(groups[i]);
            values[i] = v == null ? Double.NaN : Numbers.parse(v, "group '" + groups[i] + "'");
        }
        for (int i = 0; i < groups.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.field(groups[i], values[i]);
            }
        }
    }
}
