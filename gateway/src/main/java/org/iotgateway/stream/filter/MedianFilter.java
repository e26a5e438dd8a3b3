package org.iotgateway.stream.filter;

/**
 * Replaces each value by the median of the latest {@code window} values, itself included (fewer
 * at the start): smooths spikes without the lag of a mean. Never stops a reading.
 */
public final class MedianFilter implements Filter {
    public static final FilterType<WindowParams> TYPE = new FilterType<>("median", WindowParams.class, MedianFilter::new);

    private final RecentValues recent;

    public MedianFilter(WindowParams p) {
        this.recent = new RecentValues(p.window());
    }

    @Override
    public double apply(long epochMillis, double value) {
        recent.add(value);
        return recent.median();
    }

    @Override
    public DropKind dropKind() {
        return DropKind.FILTERED;
    }
}
