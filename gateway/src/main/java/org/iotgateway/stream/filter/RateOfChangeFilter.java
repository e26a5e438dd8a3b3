package org.iotgateway.stream.filter;

/**
 * Rejects a reading that changed faster than {@code max-per-second} from the previous reading
 * (whatever became of that one, so a single spike costs at most two readings and a stuck state is
 * impossible). A second reading with the same or an older timestamp and a different value is
 * rejected too. The first reading passes.
 */
public final class RateOfChangeFilter implements Filter {
    public static final FilterType<RateOfChangeParams> TYPE =
            new FilterType<>("rate-of-change", RateOfChangeParams.class, RateOfChangeFilter::new);

    private final double maxPerMilli;
    private boolean any;
    private double lastValue;
    private long lastTs;

    public RateOfChangeFilter(RateOfChangeParams p) {
        this.maxPerMilli = p.maxPerSecond() / 1000;
    }

    @Override
    public double apply(long epochMillis, double value) {
        boolean tooFast = any && Math.abs(value - lastValue) > maxPerMilli * Math.max(0, epochMillis - lastTs);
        any = true;
        lastValue = value;
        lastTs = epochMillis;
        return tooFast ? Double.NaN : value;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.REJECTED;
    }
}
