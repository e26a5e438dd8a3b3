package org.iotgateway.driver.serial.parser;

import java.util.regex.Pattern;

/** Strict decimal parsing for sensor text: no NaN, Infinity, hex or type suffixes. */
final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final int MAX_LENGTH = 40;

    private Numbers() {
    }

    static double parse(String text, String what) throws BadInput {
        String t = text.trim();
        if (t.length() > MAX_LENGTH || !DECIMAL.matcher(t).matches()) {
            throw new BadInput("not-a-number", what + " is not a number: '" + shorten(t) + "'");
        }
        return Double.parseDouble(t);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
