package org.iotgateway.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unit table against Home Assistant's sensor device classes and the units each accepts
 * (SensorDeviceClass and DEVICE_CLASS_UNITS in homeassistant/components/sensor/const.py; the
 * sensor page of home-assistant.io lists the same).
 */
class DeviceClassesTest {

    @ParameterizedTest(name = "{0} on channel {1} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            °C     | temperature  | temperature | °C
            °F     | outside      | temperature | °F
            K      | probe        | temperature | K
            %      | humidity     | humidity    | %
            %      | rel-humidity | humidity    | %
            %      | rh           | humidity    | %
            %RH    | air          | humidity    | %
            %      | battery      | -           | %
            %      | throughput   | -           | %
            hPa    | pressure     | pressure    | hPa
            Pa     | p            | pressure    | Pa
            mbar   | baro         | pressure    | mbar
            V      | supply       | voltage     | V
            mV     | cell         | voltage     | mV
            A      | load         | current     | A
            mA     | load         | current     | mA
            W      | load         | power       | W
            kW     | load         | power       | kW
            lx     | light        | illuminance | lx
            µg/m³  | pm2.5        | pm25        | µg/m³
            µg/m³  | pm2.5-cf1    | pm25        | µg/m³
            ug/m3  | pm25         | pm25        | µg/m³
            μg/m³  | pm10         | pm10        | µg/m³
            µg/m³  | pm1.0        | pm1         | µg/m³
            µg/m³  | pm1          | pm1         | µg/m³
            µg/m³  | dust         | -           | µg/m³
            mm/s   | vibration    | -           | mm/s
            ''     | open         | -           | ''
            """)
    void mapsAUnitToADeviceClassAndTheUnitHomeAssistantExpects(String unit, String channel, String deviceClass,
                                                                String haUnit) {
        var match = DeviceClasses.of(unit, channel);
        if (deviceClass == null) {
            assertThat(match).isEmpty();
        } else {
            assertThat(match).hasValue(new DeviceClasses.Match(deviceClass, haUnit));
        }
    }
}
