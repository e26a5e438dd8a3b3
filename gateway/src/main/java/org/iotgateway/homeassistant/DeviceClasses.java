package org.iotgateway.homeassistant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Home Assistant sensor device class a channel gets, from its unit (and its id where the unit
 * alone is ambiguous: "%" is humidity only for a humidity channel, "µg/m³" is PM1, PM2.5 or PM10).
 * A device class is only given with a unit Home Assistant accepts for it (its
 * {@code SensorDeviceClass} / {@code DEVICE_CLASS_UNITS}, homeassistant/components/sensor/const.py);
 * the unit is then sent as Home Assistant spells it ({@code %RH} as {@code %}, {@code ug/m3} as
 * {@code µg/m³}). Anything else gets no device class: a plain numeric sensor, unit as configured.
 */
final class DeviceClasses {
    /** A device class and the unit to send with it. */
    record Match(String deviceClass, String unit) {
    }

    private record Rule(Set<String> units, String deviceClass, Pattern channelId, String haUnit) {
        boolean matches(String unit, String channel) {
            return units.contains(unit) && (channelId == null || channelId.matcher(channel).matches());
        }
    }

    private static final String MICROGRAMS = "µg/m³"; // U+00B5 MICRO SIGN, as Home Assistant writes it
    private static final Set<String> MICROGRAM_SPELLINGS = Set.of(MICROGRAMS, "\u03bcg/m³", "ug/m3", "µg/m3");
    private static final Pattern ANY = null;
    private static final Pattern HUMIDITY = Pattern.compile("(?i).*humid.*|(.*[-_.])?rh([-_.].*)?");
    private static final Pattern PM25 = Pattern.compile("(?i)pm2[._]?5([-_.].*)?");
    private static final Pattern PM10 = Pattern.compile("(?i)pm10([-_.].*)?");
    private static final Pattern PM1 = Pattern.compile("(?i)pm1([._]0)?([-_.].*)?");

    /** In order; the first match wins. A null haUnit sends the unit as configured. */
    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("°C", "°F", "K"), "temperature", ANY, null),
            new Rule(Set.of("%RH", "% RH", "%rh"), "humidity", ANY, "%"),
            new Rule(Set.of("%"), "humidity", HUMIDITY, null),
            new Rule(Set.of("Pa", "hPa", "kPa", "mbar", "bar", "psi", "inHg"), "pressure", ANY, null),
            new Rule(Set.of("V", "mV", "kV"), "voltage", ANY, null),
            new Rule(Set.of("A", "mA"), "current", ANY, null),
            new Rule(Set.of("W", "kW"), "power", ANY, null),
            new Rule(Set.of("lx"), "illuminance", ANY, null),
            new Rule(MICROGRAM_SPELLINGS, "pm25", PM25, MICROGRAMS),
            new Rule(MICROGRAM_SPELLINGS, "pm10", PM10, MICROGRAMS),
            new Rule(MICROGRAM_SPELLINGS, "pm1", PM1, MICROGRAMS));

    private DeviceClasses() {
    }

    static Optional<Match> of(String unit, String channelId) {
        String u = unit.strip();
        String id = channelId.toLowerCase(Locale.ROOT);
        return RULES.stream().filter(r -> r.matches(u, id)).findFirst()
                .map(r -> new Match(r.deviceClass(), r.haUnit() == null ? u : r.haUnit()));
    }
}
