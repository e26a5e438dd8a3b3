package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.required;

/**
 * One filter of a channel, written as {@code {type: range, min: -40, max: 85}}.
 *
 * @param type a name from the filter catalog
 * @param params the remaining keys, bound into the filter's own record
 */
public record FilterConfig(String type, Record params) {
    public FilterConfig {
        required(type, "type");
    }
}
