package org.iotgateway.driver.serial;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.iotgateway.driver.InvalidValueException;
import org.iotgateway.driver.SharedLinkParams;
import org.iotgateway.driver.serial.parser.RegexParser;

/**
 * Sensor-level parameters of the {@code serial} driver.
 *
 * @param port device path; prefer {@code /dev/serial/by-id/...}, stable across reboots and replugs
 * @param baud line speed (default 9600; range 50–4000000)
 * @param dataBits data bits per character (default 8; range 5–8)
 * @param parity parity bit (default none)
 * @param stopBits stop bits (default 1; range 1, 1.5 or 2)
 * @param parser the payload format
 * @param delimiter the one ASCII character ending a line; a CR before it is dropped (default "\n")
 * @param maxLineLength longest accepted line in bytes; longer lines are rejected ({@code line-too-long})
 *        and skipped to the next delimiter (default 256; range 8–65536)
 * @param fields the column names, in order, for {@code parser: csv} (default: required for csv)
 * @param separator the column separator of {@code csv}, the pair separator of {@code key-value} (default ",")
 * @param pattern a regular expression whose named groups ({@code (?<t>[-0-9.]+)}) are the fields, for
 *        {@code parser: regex} (default: required for regex)
 * @param retryMin first reconnect delay; doubles up to {@code retry-max} (default 500ms; range at least 10ms)
 * @param retryMax longest reconnect delay; at least {@code retry-min} (default 5s)
 */
public record SerialParams(String port, Integer baud, Integer dataBits, Parity parity, Double stopBits,
        ParserKind parser, String delimiter, Integer maxLineLength, List<String> fields, String separator,
        String pattern, Duration retryMin, Duration retryMax) implements SharedLinkParams {

    public SerialParams {
        required(port, "port");
        check(!port.isBlank(), "port", "'port' must be a device path such as /dev/serial/by-id/usb-...");
        baud = baud == null ? 9600 : baud;
        check(baud >= 50 && baud <= 4_000_000, "baud", "'baud' must be 50–4000000, got " + baud);
        dataBits = dataBits == null ? 8 : dataBits;
        check(dataBits >= 5 && dataBits <= 8, "data-bits", "'data-bits' must be 5, 6, 7 or 8, got " + dataBits);
        parity = parity == null ? Parity.NONE : parity;
        stopBits = stopBits == null ? 1.0 : stopBits;
        check(stopBits == 1 || stopBits == 1.5 || stopBits == 2, "stop-bits", "'stop-bits' must be 1, 1.5 or 2");
        required(parser, "parser");
        delimiter = delimiter == null ? "\n" : delimiter;
        check(delimiter.length() == 1 && delimiter.charAt(0) < 0x80, "delimiter",
                "'delimiter' must be one ASCII character such as \"\\n\" or \";\"");
        maxLineLength = maxLineLength == null ? 256 : maxLineLength;
        check(maxLineLength >= 8 && maxLineLength <= 65536, "max-line-length", "'max-line-length' must be 8–65536");
        separator = separator == null ? "," : separator;
        check(!separator.isEmpty(), "separator", "'separator' must not be empty");
        fields = fields == null ? null : List.copyOf(fields);
        check(parser != ParserKind.CSV || (fields != null && !fields.isEmpty()), "fields",
                "parser csv needs 'fields': the column names in order, e.g. [temperature, humidity]");
        if (parser == ParserKind.REGEX) {
            checkPattern(pattern);
        }
        retryMin = retryMin == null ? Duration.ofMillis(500) : retryMin;
        retryMax = retryMax == null ? Duration.ofSeconds(5) : retryMax;
        check(retryMin.toMillis() >= 10, "retry-min", "'retry-min' must be at least 10ms");
        check(retryMax.compareTo(retryMin) >= 0, "retry-max", "'retry-max' must be at least 'retry-min'");
    }

    private static void checkPattern(String pattern) {
        required(pattern, "pattern");
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException("pattern", "'pattern' is not a valid regular expression: "
                    + e.getDescription());
        }
        check(!RegexParser.groupNames(pattern).isEmpty(), "pattern",
                "'pattern' needs named groups such as (?<temperature>[-0-9.]+); their names are the fields");
    }

    @Override
    public String link() {
        return "serial port " + port;
    }

    @Override
    public String linkKey() {
        return "port";
    }

    /** One reader per port: two would each get part of the bytes. */
    @Override
    public boolean shareable() {
        return false;
    }

    @Override
    public Map<String, Object> linkSettings() {
        return Map.of();
    }

    /** Framing, stop bits and parity as jssc wants them. */
    int jsscStopBits() {
        return jsscStopBits(stopBits);
    }

    /** jssc's constant for 1, 1.5 or 2 stop bits. */
    public static int jsscStopBits(double stopBits) {
        return stopBits == 1 ? 1 : stopBits == 2 ? 2 : 3;
    }
}
