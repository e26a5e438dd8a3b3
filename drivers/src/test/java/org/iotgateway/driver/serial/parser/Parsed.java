package org.iotgateway.driver.serial.parser;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one parser over one frame and collects its fields in order. */
final class Parsed {
    private Parsed() {
    }

    static Map<String, Double> parse(Parser p, String line) throws BadInput {
        return parse(p, line.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Double> parse(Parser p, byte[] frame) throws BadInput {
        Map<String, Double> out = new LinkedHashMap<>();
        p.parse(frame, 0, frame.length, out::put);
        return out;
    }

    static String reason(Parser p, String line) {
        return reason(p, line.getBytes(StandardCharsets.UTF_8));
    }

    static String reason(Parser p, byte[] frame) {
        try {
            parse(p, frame);
            return null;
        } catch (BadInput e) {
            return e.reason();
        }
    }
}
