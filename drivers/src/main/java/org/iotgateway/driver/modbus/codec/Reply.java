package org.iotgateway.driver.modbus.codec;

import java.util.Arrays;

/** What a slave answered to a read request, as far as the PDU tells. */
public sealed interface Reply {

    /**
     * A normal reply: the data bytes as on the wire (registers big-endian, bits packed from the
     * lowest bit of the first byte).
     */
    record Data(byte[] bytes) implements Reply {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** One data byte, without copying. */
        public int at(int index) {
            return bytes[index] & 0xff;
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data" + Arrays.toString(bytes);
        }
    }

    /** An exception response: the slave understood the request and refused it with {@code code}. */
    record Refusal(int code) implements Reply {
        public Refusal {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("exception code " + code);
            }
        }

        /**
         * The reject reason: the code's name from the Modbus specification in kebab-case, or
         * {@code exception-N} for a code it does not define.
         */
        public String reason() {
            return switch (code) {
                case 1 -> "illegal-function";
                case 2 -> "illegal-data-address";
                case 3 -> "illegal-data-value";
                case 4 -> "server-device-failure";
                case 5 -> "acknowledge";
                case 6 -> "server-device-busy";
                case 8 -> "memory-parity-error";
                case 10 -> "gateway-path-unavailable";
                case 11 -> "gateway-target-no-response";
                default -> "exception-" + code;
            };
        }
    }

    /** A well-framed reply whose PDU does not answer the request (function, byte count); never from a slave that works. */
    record Malformed(String detail) implements Reply {
    }
}
