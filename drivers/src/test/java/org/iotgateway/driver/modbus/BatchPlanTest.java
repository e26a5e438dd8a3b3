package org.iotgateway.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.modbus.codec.ReadFunction;
import org.iotgateway.driver.modbus.codec.ReadRequest;
import org.junit.jupiter.api.Test;

/** Channels joined into requests: by table, across small gaps, within the request size limits. */
class BatchPlanTest {

    private static List<ChannelSpec<ModbusChannelParams>> channels(ModbusChannelParams... params) {
        List<ChannelSpec<ModbusChannelParams>> out = new ArrayList<>();
        for (ModbusChannelParams p : params) {
            out.add(new ChannelSpec<>(out.size(), "c" + out.size(), p));
        }
        return out;
    }

    private static ModbusChannelParams at(Table table, int register, ValueType type) {
        return new ModbusChannelParams(register, table, type, null, null, null, null);
    }

    @Test
    void theSdm630SetIsTwoRequestsWithTheDefaultGap() {
        List<Batch> plan = BatchPlan.of(1, channels(at(Table.INPUT, 0x156, ValueType.FLOAT32),
                at(Table.INPUT, 0x00, ValueType.FLOAT32), at(Table.INPUT, 0x06, ValueType.FLOAT32),
                at(Table.INPUT, 0x0C, ValueType.FLOAT32), at(Table.INPUT, 0x46, ValueType.FLOAT32)), 10, 125, 2000);
        assertThat(plan).extracting(Batch::request).containsExactly(
                new ReadRequest(1, ReadFunction.READ_INPUT_REGISTERS, 0x00, 14),
                new ReadRequest(1, ReadFunction.READ_INPUT_REGISTERS, 0x46, 2),
                new ReadRequest(1, ReadFunction.READ_INPUT_REGISTERS, 0x156, 2));
        assertThat(plan.get(0).fields()).extracting(Field::channel, Field::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(2, 6),
                        org.assertj.core.groups.Tuple.tuple(3, 12));
        assertThat(plan.get(0).gaps()).isTrue();
        assertThat(plan.get(1).gaps()).isFalse();
        assertThat(BatchPlan.of(1, channels(at(Table.INPUT, 0, ValueType.FLOAT32), at(Table.INPUT, 6, ValueType.FLOAT32)),
                0, 125, 2000)).hasSize(2);
    }

    @Test
    void tablesAreNeverMixedAndLimitsHold() {
        List<Batch> plan = BatchPlan.of(3, channels(at(Table.HOLDING, 0, ValueType.UINT16),
                at(Table.INPUT, 1, ValueType.UINT16), at(Table.HOLDING, 124, ValueType.UINT16),
                at(Table.HOLDING, 125, ValueType.FLOAT64), at(Table.COIL, 0, null), at(Table.COIL, 1999, null),
                at(Table.COIL, 2000, null)), 2000, 125, 2000);
        assertThat(plan).extracting(Batch::request).containsExactly(
                new ReadRequest(3, ReadFunction.READ_HOLDING_REGISTERS, 0, 125),
                new ReadRequest(3, ReadFunction.READ_HOLDING_REGISTERS, 125, 4),
                new ReadRequest(3, ReadFunction.READ_INPUT_REGISTERS, 1, 1),
                new ReadRequest(3, ReadFunction.READ_COILS, 0, 2000),
                new ReadRequest(3, ReadFunction.READ_COILS, 2000, 1));
    }

    @Test
    void overlappingChannelsShareRegisters() {
        List<Batch> plan = BatchPlan.of(1, channels(at(Table.HOLDING, 10, ValueType.UINT32),
                at(Table.HOLDING, 11, ValueType.UINT16), at(Table.HOLDING, 10, ValueType.INT16)), 0, 125, 2000);
        assertThat(plan).singleElement().satisfies(b -> {
            assertThat(b.request()).isEqualTo(new ReadRequest(1, ReadFunction.READ_HOLDING_REGISTERS, 10, 2));
            assertThat(b.gaps()).isFalse();
        });
    }
}
