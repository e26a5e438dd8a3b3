package org.iotgateway.driver;

import java.util.Map;

/**
 * Implemented by a driver's sensor-level params record when its sensor talks over a link that
 * other sensors could name too: a serial port, a TCP host. The config loader uses it, without I/O,
 * to refuse two sensors on one link when the link cannot be shared, or when they disagree on how
 * to drive it (two baud rates on one RS-485 bus). Pure; called on the loading thread.
 */
public interface SharedLinkParams {

    /** The link, as a person reads it: {@code serial port /dev/ttyUSB0}; sensors with equal links share it. */
    String link();

    /** The YAML key that names the link ({@code port}, {@code host}), for pointing at it in a message. */
    String linkKey();

    /** Whether other sensors may use the link as well (a Modbus bus) or it is this sensor's alone (a serial reader). */
    boolean shareable();

    /**
     * What every sensor on the link must agree on, by YAML key, defaults included (ordered, for
     * the message); empty when nothing needs agreeing.
     */
    Map<String, Object> linkSettings();
}
