package org.iotgateway.stream;

/** One preallocated ring-buffer slot; reused, never shared between a producer and the consumer at once. */
final class ReadingSlot {
    int channel;
    long ts;
    double value;
}
