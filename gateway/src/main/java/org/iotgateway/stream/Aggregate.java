package org.iotgateway.stream;

/**
 * One closed window of one channel. Created on the stream consumer thread when the watermark
 * passes the window's end (plus the channel's allowed lateness); immutable afterwards.
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
 * @param spread the aggregates beyond these (NaN where not configured or undefined)
 * @param clockUnsynced whether a reading in it was taken while the system clock was not synchronised
 */
public record Aggregate(ChannelInfo channel, long start, long end, long count,
                        double min, double max, double sum, double first, double last,
                        Spread spread, boolean clockUnsynced) {

    /** The aggregate as the walking skeleton knew it: no spread, clock synchronised. */
    public Aggregate(ChannelInfo channel, long start, long end, long count,
                     double min, double max, double sum, double first, double last) {
        this(channel, start, end, count, min, max, sum, first, last, Spread.NONE, false);
    }

    /**
     * stddev (population), time-weighted mean, rate (per second), and quantiles of one window.
     */
    public record Spread(double stddev, double twMean, double rate, double p50, double p90, double p95, double p99) {
        public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

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
            case STDDEV -> spread.stddev();
            case TWMEAN -> spread.twMean();
            case RATE -> spread.rate();
            case P50 -> spread.p50();
            case P90 -> spread.p90();
            case P95 -> spread.p95();
            case P99 -> spread.p99();
        };
    }
}
