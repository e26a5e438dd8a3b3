package org.iotgateway.stream.filter;

/** Rejects readings outside [min, max]: the physically plausible range of the sensor. */
public final class RangeFilter implements Filter {
    public static final FilterType<RangeParams> TYPE = new FilterType<>("range", RangeParams.class, RangeFilter::new);

    private final double min;
    private final double max;

    public RangeFilter(RangeParams p) {
        this.min = p.min();
        this.max = p.max();
    }

    @Override
    public double apply(long epochMillis, double value) {
        return value >= min && value <= max ? value : Double.NaN;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.REJECTED;
    }
}
