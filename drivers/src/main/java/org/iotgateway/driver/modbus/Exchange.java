package org.iotgateway.driver.modbus;

import org.iotgateway.driver.modbus.codec.Reply;

/**
 * The outcome of one request on a link: the slave's reply, or why there is none.
 *
 * @param reply what the slave answered, or null
 * @param failure without a reply: {@code timeout}, {@code crc}, {@code wrong-unit}, {@code bad-frame} or {@code echo}
 * @param detail for the log
 * @param noise RTU bytes on the line that belonged to no frame: before the request was sent, or around the reply
 */
record Exchange(Reply reply, String failure, String detail, int noise) {

    static Exchange replied(Reply reply, int noise) {
        return new Exchange(reply, null, null, noise);
    }

    static Exchange failed(String failure, String detail, int noise) {
        return new Exchange(null, failure, detail, noise);
    }

    /**
     * Whether the slave was heard: a reply of any kind, or a frame from it with a bad CRC (it is
     * there, the line is poor). A timeout, another unit's frame or unframeable bytes are silence.
     */
    boolean heard() {
        return reply != null || "crc".equals(failure);
    }
}
