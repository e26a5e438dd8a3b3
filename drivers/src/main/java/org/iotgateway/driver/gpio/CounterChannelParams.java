package org.iotgateway.driver.gpio;

/**
 * Channel-level parameters of the {@code gpio-counter} driver.
 *
 * @param value what the channel reports (default count)
 */
public record CounterChannelParams(CounterValue value) {
    public CounterChannelParams {
        value = value == null ? CounterValue.COUNT : value;
    }
}
