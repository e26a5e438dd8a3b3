package org.iotgateway.app;

import org.iotgateway.wire.StatusJson;

/**
 * What remote configuration plugs into the running gateway: the messages of the config topic (which
 * the gateway subscribes to while its config has {@code remote-config.enabled}) and a section of the
 * status message.
 */
public interface RemoteHooks {
    /** Nothing plugged in. */
    RemoteHooks NONE = new RemoteHooks() {
        @Override
        public void message(byte[] payload) {
        }

        @Override
        public void status(StatusJson status) {
        }
    };

    /** The MQTT client's callback thread: a message on the config topic. Hand it off at once, never block. */
    void message(byte[] payload);

    /** The publisher's supervisor thread: writes the status message's section; must not block. */
    void status(StatusJson status);
}
