package org.iotgateway.driver.serial.parser;

import java.util.regex.Pattern;

/**
 * {@code T=21.3,H=40}: pairs split by {@code separator}, key and value by {@code =} or {@code :}.
 * Keys are the field names; a pair without a key is {@code unparseable}.
 */
public final class KeyValueParser extends TextParser {
    private final Pattern separator;

    public KeyValueParser(String separator) {
        this.separator = Pattern.compile(Pattern.quote(separator));
    }

    @Override
    void parseLine(String line, FieldSink out) throws BadInput {
        String[] pairs = separator.split(line.trim());
        String[] keys = new String[pairs.length];
        double[] values = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int at = indexOfAssign(pair);
            if (at <= 0 || pair.substring(0, at).isBlank()) {
                throw new BadInput("unparseable", "not a key=value pair: '" + Numbers.shorten(pair) + "'");
            }
            keys[i] = pair.substring(0, at).trim();
            values[i] = Numbers.parse(pair.substring(at + 1), "'" + Numbers.shorten(keys[i]) + "'");
        }
        for (int i = 0; i < keys.length; i++) {
            out.field(keys[i], values[i]);
        }
    }

    private static int indexOfAssign(String pair) {
        int eq = pair.indexOf('=');
        return eq >= 0 ? eq : pair.indexOf(':');
    }
}
