package org.iotgateway.stream.bench;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.WindowEngine;
import org.iotgateway.stream.filter.CalibrateFilter;
import org.iotgateway.stream.filter.CalibrateParams;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.stream.filter.RangeFilter;
import org.iotgateway.stream.filter.RangeParams;

/** The benchmarked job: n channels, tumbling windows, range + calibrate filters on each. */
final class EngineFixture {
    static final List<AggregateKind> BENCH = List.of(AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX,
            AggregateKind.SUM, AggregateKind.MEAN);

    private EngineFixture() {
    }

    static WindowEngine engine(int channels, long windowMillis, List<AggregateKind> aggregates, long[] closed) {
        List<ChannelInfo> infos = new ArrayList<>();
        List<Filter[]> filters = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            infos.add(new ChannelInfo(c, "s" + c, "value", "", windowMillis, aggregates));
            filters.add(new Filter[] {new RangeFilter(new RangeParams(-1e6, 1e6)),
                    new CalibrateFilter(new CalibrateParams(1.0, 0.0))});
        }
        return new WindowEngine(infos, filters, 2, a -> closed[0]++);
    }
}
