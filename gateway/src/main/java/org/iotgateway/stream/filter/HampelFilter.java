package org.iotgateway.stream.filter;

/**
 * Hampel outlier rejection: a reading further than {@code k · 1.4826 · MAD} from the median of the
 * preceding {@code window} readings is rejected (1.4826 · MAD estimates the standard deviation of
 * normal data). Every reading, rejected or not, joins the reference, so a real level shift is
 * accepted after about half a window. Until the reference is full everything passes. With a
 * constant reference (MAD 0) any different value is an outlier.
 */
public final class HampelFilter implements Filter {
    public static final FilterType<HampelParams> TYPE = new FilterType<>("hampel", HampelParams.class, HampelFilter::new);
    private static final double MAD_TO_SIGMA = 1.4826;

    private final RecentValues recent;
    private final double k;

    public HampelFilter(HampelParams p) {
        this.recent = new RecentValues(p.window());
        this.k = p.k();
    }

    @Override
    public double apply(long epochMillis, double value) {
        boolean outlier = false;
        if (recent.full()) {
            double m = recent.median();
            outlier = Math.abs(value - m) > k * MAD_TO_SIGMA * recent.mad(m);
        }
        recent.add(value);
        return outlier ? Double.NaN : value;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.REJECTED;
    }
}
