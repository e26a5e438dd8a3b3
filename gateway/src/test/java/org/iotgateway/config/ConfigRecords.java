package org.iotgateway.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.stream.filter.FilterCatalog;

/**
 * Every record a config binds into: the file's own records as {@link RecordBinder} walks them from
 * {@link GatewayConfig}, and each driver's and filter's params records from the catalogs. A
 * record type that holds one value ({@link DataSize}) is a scalar, not a mapping. Test code.
 */
final class ConfigRecords {
    private ConfigRecords() {
    }

    static Set<Class<? extends Record>> all() {
        Set<Class<? extends Record>> out = new LinkedHashSet<>();
        walk(GatewayConfig.class, out);
        for (String name : DriverCatalog.names()) {
            walk(DriverCatalog.find(name).orElseThrow().sensorParams(), out);
            walk(DriverCatalog.find(name).orElseThrow().channelParams(), out);
        }
        for (String name : FilterCatalog.names()) {
            walk(FilterCatalog.find(name).orElseThrow().params(), out);
        }
        return out;
    }

    /** The record a component's value binds into (through a list too), or null for a scalar or an open {@code Record}. */
    static Class<? extends Record> recordOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == java.util.List.class) {
            return recordOf(p.getActualTypeArguments()[0]);
        }
        if (type instanceof Class<?> c && c.isRecord() && !ScalarConverter.supports(c)) {
            return c.asSubclass(Record.class);
        }
        return null;
    }

    private static void walk(Class<? extends Record> type, Set<Class<? extends Record>> out) {
        if (!out.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<? extends Record> nested = recordOf(c.getGenericType());
            if (nested != null) {
                walk(nested, out);
            }
        }
    }
}
