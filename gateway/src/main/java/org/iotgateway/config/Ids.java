package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.util.regex.Pattern;

/** Ids end up in MQTT topics: keep them to characters that cannot inject levels or wildcards. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    static void checkId(String value, String key) {
        check(ID.matcher(value).matches(), key, "'" + key + "' must be 1-64 characters of letters, digits, '.', '_' or '-' "
                + "(starting with a letter or digit), got '" + value + "'");
    }
}
