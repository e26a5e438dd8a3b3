package org.iotgateway.driver.serial;

import java.util.List;
import java.util.regex.Pattern;
import org.iotgateway.driver.serial.parser.CsvParser;
import org.iotgateway.driver.serial.parser.JsonParser;
import org.iotgateway.driver.serial.parser.KeyValueParser;
import org.iotgateway.driver.serial.parser.NmeaParser;
import org.iotgateway.driver.serial.parser.Parser;
import org.iotgateway.driver.serial.parser.Pms5003Parser;
import org.iotgateway.driver.serial.parser.RegexParser;

/** The serial payload formats; in YAML: csv, key-value, regex, json, nmea, pms5003. */
public enum ParserKind {
    CSV, KEY_VALUE, REGEX, JSON, NMEA, PMS5003;

    private static final List<String> NMEA_FIELDS =
            List.of("latitude", "longitude", "altitude", "fix-quality", "satellites", "speed", "course");
    private static final List<String> PMS_FIELDS = List.of("pm1.0", "pm2.5", "pm10", "pm1.0-cf1", "pm2.5-cf1",
            "pm10-cf1", "n0.3", "n0.5", "n1.0", "n2.5", "n5.0", "n10");

    Parser create(SerialParams p) {
        return switch (this) {
            case CSV -> new CsvParser(p.fields(), p.separator());
            case KEY_VALUE -> new KeyValueParser(p.separator());
            case REGEX -> new RegexParser(Pattern.compile(p.pattern()));
            case JSON -> new JsonParser();
            case NMEA -> new NmeaParser();
            case PMS5003 -> new Pms5003Parser();
        };
    }

    /** The field names this format can produce, or null when any name may appear (key-value, json). */
    List<String> knownFields(SerialParams p) {
        return switch (this) {
            case CSV -> p.fields();
            case REGEX -> RegexParser.groupNames(p.pattern());
            case NMEA -> NMEA_FIELDS;
            case PMS5003 -> PMS_FIELDS;
            case KEY_VALUE, JSON -> null;
        };
    }

    boolean binary() {
        return this == PMS5003;
    }
}
