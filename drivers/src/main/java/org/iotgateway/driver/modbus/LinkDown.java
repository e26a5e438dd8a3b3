package org.iotgateway.driver.modbus;

/** The port or connection is gone (unplugged, closed by the host): every slave on it is unreachable until it is reopened. */
final class LinkDown extends Exception {
    LinkDown(String message) {
        super(message, null, false, false);
    }
}
