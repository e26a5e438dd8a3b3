package org.iotgateway.mqtt;

/** The size of a PUBLISH packet on the wire (MQTT 3.1.1 section 3.3, MQTT 5 section 3.3). Pure. */
final class PacketSize {
    private PacketSize() {
    }

    /**
     * @param propertiesBytes MQTT 5 properties, without their length prefix
     * @param v5 whether the packet carries a properties length (MQTT 5)
     */
    static long publish(String topic, int payloadBytes, int qos, int propertiesBytes, boolean v5) {
        long remaining = 2L + utf8Length(topic) + (qos > 0 ? 2 : 0) + payloadBytes;
        if (v5) {
            remaining += varIntBytes(propertiesBytes) + propertiesBytes;
        }
        return 1 + varIntBytes(remaining) + remaining;
    }

    /** UTF-8 length without encoding (surrogate pairs are 4 bytes, 2 chars). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    static int varIntBytes(long n) {
        int bytes = 1;
        while (n >= 128) {
            n >>= 7;
            bytes++;
        }
        return bytes;
    }
}
