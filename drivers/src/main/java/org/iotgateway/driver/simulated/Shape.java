package org.iotgateway.driver.simulated;

import java.util.SplittableRandom;

/** The waveforms the simulated driver can produce; in YAML: sine, random-walk, step, constant, noise. */
public enum Shape {
    SINE, RANDOM_WALK, STEP, CONSTANT, NOISE;

    /**
     * The next value of the signal.
     *
     * @param s the signal's parameters
     * @param seconds time since the driver started
     * @param previous the previous value (used by the random walk)
     */
    double next(SignalParams s, double seconds, double previous, SplittableRandom random) {
        double periodSeconds = s.period().toNanos() / 1e9;
        return switch (this) {
            case SINE -> s.base() + s.amplitude() * Math.sin(2 * Math.PI * seconds / periodSeconds);
            case RANDOM_WALK -> previous + s.amplitude() * (random.nextDouble() * 2 - 1);
            case STEP -> s.base() + ((long) (seconds / periodSeconds) % 2 == 0 ? 0 : s.amplitude());
            case CONSTANT -> s.base();
            case NOISE -> s.base() + s.amplitude() * gaussian(random);
        };
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
