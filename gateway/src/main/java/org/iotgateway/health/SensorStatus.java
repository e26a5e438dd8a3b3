package org.iotgateway.health;

import org.iotgateway.driver.SensorState;

/**
 * One sensor's health as the status topic shows it.
 *
 * @param state the driver's last reported link state ({@code OK} until told otherwise)
 * @param lastReadingMillis epoch ms of the last reading the driver produced; 0 if none yet
 * @param stale true while the sensor has been silent for longer than its {@code stale-after}
 * @param detail why the state last changed, for people (may be null)
 */
public record SensorStatus(SensorState state, long lastReadingMillis, boolean stale, String detail) {
}
