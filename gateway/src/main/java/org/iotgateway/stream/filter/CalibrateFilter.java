package org.iotgateway.stream.filter;

/** {@code value * scale + offset}: corrects a sensor against a reference. Never stops a reading. */
public final class CalibrateFilter implements Filter {
    public static final FilterType<CalibrateParams> TYPE =
            new FilterType<>("calibrate", CalibrateParams.class, CalibrateFilter::new);

    private final double scale;
    private final double offset;

    public CalibrateFilter(CalibrateParams p) {
        this.scale = p.scale();
        this.offset = p.offset();
    }

    @Override
    public double apply(long epochMillis, double value) {
        return value * scale + offset;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.REJECTED;
    }
}
