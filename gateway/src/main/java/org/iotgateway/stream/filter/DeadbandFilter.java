package org.iotgateway.stream.filter;

/**
 * Passes a reading only when it moved more than the threshold from the last reading passed, or when
 * the last one passed is at least a heartbeat old; the first reading always passes. Others are
 * counted as filtered.
 */
public final class DeadbandFilter implements Filter {
    public static final FilterType<DeadbandParams> TYPE =
            new FilterType<>("deadband", DeadbandParams.class, DeadbandFilter::new);

    private final double threshold;
    private final long heartbeatMillis;
    private boolean any;
    private double lastValue;
    private long lastTs;

    public DeadbandFilter(DeadbandParams p) {
        this.threshold = p.threshold();
        this.heartbeatMillis = p.heartbeat().toMillis();
    }

    @Override
    public double apply(long epochMillis, double value) {
        if (any && Math.abs(value - lastValue) <= threshold && epochMillis - lastTs < heartbeatMillis) {
            return Double.NaN;
        }
        any = true;
        lastValue = value;
        lastTs = epochMillis;
        return value;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.FILTERED;
    }
}
