package org.iotgateway.stream.filter;

/**
 * Passes a reading only when at least {@code interval} passed (acquisition time) since the last
 * reading passed; the first passes. Others are counted as filtered.
 */
public final class ThrottleFilter implements Filter {
    public static final FilterType<ThrottleParams> TYPE =
            new FilterType<>("throttle", ThrottleParams.class, ThrottleFilter::new);

    private final long intervalMillis;
    private boolean any;
    private long lastTs;

    public ThrottleFilter(ThrottleParams p) {
        this.intervalMillis = p.interval().toMillis();
    }

    @Override
    public double apply(long epochMillis, double value) {
        if (any && epochMillis - lastTs < intervalMillis) {
            return Double.NaN;
        }
        any = true;
        lastTs = epochMillis;
        return value;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.FILTERED;
    }
}
