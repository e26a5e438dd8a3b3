package org.iotgateway.stream.filter;

/**
 * Corrects a sensor against a reference: {@code value * scale + offset}, or a polynomial
 * c0 + c1·v + c2·v² + ... (Horner). A result that overflows to infinity is rejected.
 */
public final class CalibrateFilter implements Filter {
    public static final FilterType<CalibrateParams> TYPE =
            new FilterType<>("calibrate", CalibrateParams.class, CalibrateFilter::new);

    private final double[] coefficients;

    public CalibrateFilter(CalibrateParams p) {
        this.coefficients = p.polynomial().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double apply(long epochMillis, double value) {
        double r = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            r = r * value + coefficients[i];
        }
        return Double.isFinite(r) ? r : Double.NaN;
    }

    @Override
    public DropKind dropKind() {
        return DropKind.REJECTED;
    }
}
