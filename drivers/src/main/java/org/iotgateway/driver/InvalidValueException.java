package org.iotgateway.driver;

/**
 * Thrown from a config record's constructor when one of its values is invalid. The config loader
 * turns it into {@code FILE:LINE:COL: message}, pointing at {@code key} inside the record.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String key;

    /**
     * @param key the YAML key (kebab-case) of the offending value, or null for the record as a whole
     * @param message what is wrong, phrased for the person editing the YAML
     */
    public InvalidValueException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Fails with {@code key: message} unless {@code ok}. */
    public static void check(boolean ok, String key, String message) {
        if (!ok) {
            throw new InvalidValueException(key, message);
        }
    }

    /** Fails with "{key} is required" when {@code value} is null, else returns it. */
    public static <T> T required(T value, String key) {
        if (value == null) {
            throw new InvalidValueException(key, "'" + key + "' is required");
        }
        return value;
    }
}
