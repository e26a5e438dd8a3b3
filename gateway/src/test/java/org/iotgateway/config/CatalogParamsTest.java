package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.stream.filter.FilterCatalog;
import org.junit.jupiter.api.Test;

/**
 * Guards driver and filter authors: every params record in the catalogs must bind from an empty
 * mapping (its defaults) and use only component types the loader can read from YAML. A driver's
 * sensor params may instead require keys that have no sensible default (a serial port, a GPIO
 * pin): then an empty mapping must fail with "'key' is required" and nothing else.
 */
class CatalogParamsTest {
    private final Problems problems = new Problems("test.yaml");
    private final RecordBinder binder = new RecordBinder(problems);

    @Test
    void everyDriverParamsRecordBindsFromAnEmptyMapping() {
        for (String name : DriverCatalog.names()) {
            DriverType<?, ?> type = DriverCatalog.find(name).orElseThrow();
            Problems sensorProblems = new Problems("test.yaml");
            Object sensor = new RecordBinder(sensorProblems).bind(type.sensorParams(), RecordBinder.emptyMapping(), "/p");
            if (sensor == RecordBinder.FAILED) {
                assertThat(sensorProblems.exception().problems()).as(name)
                        .allSatisfy(p -> assertThat(p.message()).matches("'[a-z-]+' is required"));
            } else {
                assertThat(sensor).as(name).isInstanceOf(Record.class);
            }
            assertThat(binder.bind(type.channelParams(), RecordBinder.emptyMapping(), "/p")).as(name).isInstanceOf(Record.class);
        }
        assertThat(problems.isEmpty()).isTrue();
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
