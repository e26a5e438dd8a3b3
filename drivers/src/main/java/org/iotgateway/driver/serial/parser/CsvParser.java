package org.iotgateway.driver.serial.parser;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code 21.3,40.2,1013}: columns named by the {@code fields} list, in order. An empty column is
 * skipped (the sensor had no value); a different number of columns is {@code field-count}.
 */
public final class CsvParser extends TextParser {
    private final String[] fields;
    private final Pattern separator;

    public CsvParser(List<String> fields, String separator) {
        this.fields = fields.toArray(String[]::new);
        this.separator = Pattern.compile(Pattern.quote(separator));
    }

    @Override
    void parseLine(String line, FieldSink out) throws BadInput {
        String[] columns = separator.split(line, -1);
        if (columns.length != fields.length) {
            throw new BadInput("field-count", "expected " + fields.length + " columns, got " + columns.length
                    + ": '" + Numbers.shorten(line) + "'");
        }
        double[] values = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].isBlank() ? Double.NaN : Numbers.parse(columns[i], "column " + (i + 1));
        }
        // Emit only after the whole line parsed: a bad column rejects the line, not half of it.
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.field(fields[i], values[i]);
            }
        }
    }
}
