package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.stream.filter.FilterCatalog;
import org.junit.jupiter.api.Test;

/**
 * Guards driver and filter authors: every params record in the catalogs must bind from an empty
 * mapping (its defaults) and use only component types the loader can read from YAML.
 */
class CatalogParamsTest {
    private final Problems problems = new Problems("test.yaml");
    private final RecordBinder binder = new RecordBinder(problems);

    @Test
    void everyDriverParamsRecordBindsFromAnEmptyMapping() {
        for (String name : DriverCatalog.names()) {
            DriverType<?, ?> type = DriverCatalog.find(name).orElseThrow();
            assertThat(binder.bind(type.sensorParams(), RecordBinder.emptyMapping(), "/p")).as(name).isInstanceOf(Record.class);
            assertThat(binder.bind(type.channelParams(), RecordBinder.emptyMapping(), "/p")).as(name).isInstanceOf(Record.class);
        }
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void everyFilterParamsRecordBindsFromAnEmptyMapping() {
        for (String name : FilterCatalog.names()) {
            Class<? extends Record> params = FilterCatalog.find(name).orElseThrow().params();
            assertThat(binder.bind(params, RecordBinder.emptyMapping(), "/p")).as(name).isInstanceOf(Record.class);
        }
        assertThat(problems.isEmpty()).isTrue();
    }
}
