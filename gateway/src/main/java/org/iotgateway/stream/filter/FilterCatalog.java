package org.iotgateway.stream.filter;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every filter, by the name used in a filter's {@code type:} key. */
public final class FilterCatalog {
    private static final SortedMap<String, FilterType<?>> TYPES = index(
            CalibrateFilter.TYPE,
            RangeFilter.TYPE,
            DeadbandFilter.TYPE,
            MedianFilter.TYPE,
            HampelFilter.TYPE,
            RateOfChangeFilter.TYPE,
            ThrottleFilter.TYPE);

    private FilterCatalog() {
    }

    public static Optional<FilterType<?>> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static Iterable<String> names() {
        return TYPES.keySet();
    }

    private static SortedMap<String, FilterType<?>> index(FilterType<?>... types) {
        SortedMap<String, FilterType<?>> map = new TreeMap<>();
        for (FilterType<?> t : types) {
            map.put(t.name(), t);
        }
        return Collections.unmodifiableSortedMap(map);
    }
}
