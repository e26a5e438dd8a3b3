package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.stream.filter.RangeFilter;
import org.iotgateway.stream.filter.RangeParams;

/**
 * Random streams (out of order, with NaN/±Infinity, implausible values and random watermark moves)
 * through the engine and through a brute-force oracle: the same aggregates, and every reading
 * accounted for.
 */
class WindowEnginePropertyTest {
    static final long[] SIZES = {12, 20, 40};
    static final int[] OVERLAPS = {1, 2, 4};
    static final long[] LATENESS = {0, 5, 15, 50};

    @Property(tries = 400)
    void tumblingAndSlidingWindowsEqualTheOracle(@ForAll long seed, @ForAll @IntRange(max = 2) int sizeIx,
                                                 @ForAll @IntRange(max = 2) int overlapIx,
                                                 @ForAll @IntRange(max = 3) int latenessIx,
                                                 @ForAll @IntRange(min = 1, max = 300) int readings) {
        long size = SIZES[sizeIx];
        long slide = size / OVERLAPS[overlapIx];
        long lateness = LATENESS[latenessIx];
        ChannelInfo info = new ChannelInfo(0, "s", "c", "", size, List.of(AggregateKind.values()), slide, lateness, false);
        List<Aggregate> out = new ArrayList<>();
        // Enough slots for every window of the generated time range, so none is emitted early.
        WindowEngine engine = new WindowEngine(List.of(info),
                List.<Filter[]>of(new Filter[] {new RangeFilter(new RangeParams(-50.0, 50.0))}), 512, out::add);
        WindowOracle oracle = new WindowOracle(size, slide, lateness, -50, 50);

        Random r = new Random(seed);
        long clock = 0;
        for (int i = 0; i < readings; i++) {
            clock += r.nextInt(4);
            long ts = clock - r.nextInt(r.nextInt(10) == 0 ? 60 : 5); // mostly in order, some far behind
            double v = value(r);
            engine.onReading(0, ts, v);
            oracle.reading(ts, v);
            if (r.nextInt(5) == 0) {
                long w = clock - r.nextInt(20);
                engine.advanceWatermark(w);
                oracle.watermark(w);
            }
        }
        engine.flush();

        List<Aggregate> want = oracle.aggregates(info);
        assertThat(out).as(WindowOracle.describe(out) + " vs " + WindowOracle.describe(want)).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertSame(out.get(i), want.get(i));
        }
        ChannelCounts counts = engine.counts(0);
        assertThat(counts.accepted()).isEqualTo(oracle.accepted);
        assertThat(counts.rejected()).isEqualTo(oracle.rejected);
        assertThat(counts.late()).isEqualTo(oracle.late);
        assertThat(counts.filtered()).isZero();
        if (slide == size) {
            long inWindows = out.stream().mapToLong(Aggregate::count).sum();
            assertThat(counts.aggregated() + counts.rejected() + counts.filtered() + counts.late())
                    .isEqualTo(counts.accepted());
            assertThat(inWindows).as("each aggregated reading in exactly one tumbling window").isEqualTo(counts.aggregated());
        }
    }

    static double value(Random r) {
        return switch (r.nextInt(40)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> 1e6; // outside the range filter
            case 4 -> 0;
            default -> Math.round(r.nextGaussian() * 1000) / 100.0;
        };
    }

    static void assertSame(Aggregate got, Aggregate want) {
        String at = "window " + want.start();
        assertThat(got.start()).as(at).isEqualTo(want.start());
        assertThat(got.end()).as(at).isEqualTo(want.end());
        assertThat(got.count()).as(at).isEqualTo(want.count());
        assertThat(got.min()).as(at).isEqualTo(want.min());
        assertThat(got.max()).as(at).isEqualTo(want.max());
        assertThat(got.sum()).as(at).isEqualTo(want.sum());
        assertThat(got.first()).as(at).isEqualTo(want.first());
        assertThat(got.last()).as(at).isEqualTo(want.last());
        close(got.spread().stddev(), want.spread().stddev(), 1e-9, at + " stddev");
        close(got.spread().twMean(), want.spread().twMean(), 1e-9, at + " twmean");
        close(got.spread().rate(), want.spread().rate(), 1e-9, at + " rate");
        close(got.spread().p50(), want.spread().p50(), 0.01, at + " p50");
        close(got.spread().p90(), want.spread().p90(), 0.01, at + " p90");
        close(got.spread().p95(), want.spread().p95(), 0.01, at + " p95");
        close(got.spread().p99(), want.spread().p99(), 0.01, at + " p99");
    }

    static void close(double got, double want, double relative, String what) {
        if (Double.isNaN(want)) {
            assertThat(got).as(what).isNaN();
        } else {
            assertThat(got).as(what).isCloseTo(want, within(Math.abs(want) * relative + 1e-9));
        }
    }
}
