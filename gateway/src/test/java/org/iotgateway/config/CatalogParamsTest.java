package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.stream.filter.FilterCatalog;
import org.junit.jupiter.api.Test;

/**
 * Guards driver and filter authors: every params record in the catalogs must bind from an empty
 * mapping (its defaults) and use only component types the loader can read from YAML. A driver's
 * params may instead require keys that have no sensible default (a serial port, a GPIO pin, a
 * Modbus register): then an empty mapping must fail with "'key' is required" (or "'a' or 'b' is
 * required: ...") and nothing else.
 */
class CatalogParamsTest {
    private static final String REQUIRED = "'[a-z-]+' is required|'[a-z-]+' or '[a-z-]+' is required: .*";

    @Test
    void everyDriverParamsRecordBindsFromAnEmptyMappingOrNamesItsRequiredKey() {
        for (String name : DriverCatalog.names()) {
            DriverType<?, ?> type = DriverCatalog.find(name).orElseThrow();
            for (Class<? extends Record> params : java.util.List.of(type.sensorParams(), type.channelParams())) {
                Problems own = new Problems("test.yaml");
                Object bound = new RecordBinder(own).bind(params, RecordBinder.emptyMapping(), "/p");
                if (bound == RecordBinder.FAILED) {
                    assertThat(own.exception().problems()).as(name + " " + params.getSimpleName())
                            .allSatisfy(p -> assertThat(p.message()).matches(REQUIRED));
                } else {
                    assertThat(bound).as(name).isInstanceOf(Record.class);
                    assertThat(own.isEmpty()).as(name).isTrue();
                }
            }
        }
    }

    /** Filters may have a required key (a deadband needs its threshold); then that is the only complaint. */
    @Test
    void everyFilterParamsRecordBindsFromAnEmptyMappingOrNamesItsRequiredKey() {
        for (String name : FilterCatalog.names()) {
            Class<? extends Record> params = FilterCatalog.find(name).orElseThrow().params();
            Problems own = new Problems("test.yaml");
            Object bound = new RecordBinder(own).bind(params, RecordBinder.emptyMapping(), "/p");
            if (bound instanceof Record) {
                assertThat(own.isEmpty()).as(name).isTrue();
            } else {
                assertThat(own.exception().getMessage()).as(name).contains("is required");
            }
        }
    }
}
