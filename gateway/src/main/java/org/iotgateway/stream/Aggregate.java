package org.iotgateway.stream;

/**
 * One closed window of one channel. Created on the stream consumer thread when the watermark
 * passes the window's end; immutable afterwards.
 *
 * @param channel the channel it summarises
 * @param start window start, epoch ms, inclusive
 * @param end window end, epoch ms, exclusive
 * @param count readings in the window
 * @param min smallest value
 * @param max largest value
 * @param sum sum of values
 * @param first value with the earliest timestamp (ties: the first to arrive)
 * @param last value with the latest timestamp (ties: the last to arrive)
 */
public record Aggregate(ChannelInfo channel, long start, long end, long count,
                        double min, double max, double sum, double first, double last) {

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The value of one aggregate kind. */
    public double value(AggregateKind kind) {
        return switch (kind) {
            case COUNT -> count;
            case MIN -> min;
            case MAX -> max;
            case MEAN -> mean();
            case SUM -> sum;
            case FIRST -> first;
            case LAST -> last;
        };
    }
}
