package org.iotgateway.stream.filter;

import java.util.function.Function;

/**
 * A filter catalog entry: its YAML {@code type:} name, the record its other keys bind into, and a
 * factory that makes one fresh instance per channel.
 */
public record FilterType<P extends Record>(String name, Class<P> params, Function<P, Filter> factory) {

    @SuppressWarnings("unchecked")
    public Filter create(Record boundParams) {
        return factory.apply((P) boundParams);
    }
}
