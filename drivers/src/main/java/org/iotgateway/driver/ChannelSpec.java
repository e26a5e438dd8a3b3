package org.iotgateway.driver;

/**
 * One channel of a sensor as a driver sees it.
 *
 * @param id the channel's number within its sensor (0..n-1, config order); pass it to {@link ReadingSink#offer}
 * @param name the channel id from the config ({@code temperature})
 * @param params the driver's per-channel parameters, bound and validated from the channel's {@code params}
 * @param <C> the driver's channel parameter record
 */
public record ChannelSpec<C>(int id, String name, C params) {
}
