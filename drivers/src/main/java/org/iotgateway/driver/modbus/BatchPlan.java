package org.iotgateway.driver.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.modbus.codec.ReadRequest;

/**
 * Groups a slave's channels into as few requests as the protocol and the device allow: channels
 * of one table whose addresses are adjacent, overlap or lie at most {@code maxGap} apart share a
 * request of at most {@code maxRegisters} registers ({@code maxCoils} bits). Pure.
 */
final class BatchPlan {
    private BatchPlan() {
    }

    static List<Batch> of(int unit, List<ChannelSpec<ModbusChannelParams>> channels, int maxGap, int maxRegisters,
            int maxCoils) {
        List<ChannelSpec<ModbusChannelParams>> sorted = new ArrayList<>(channels);
        sorted.sort(Comparator.comparing((ChannelSpec<ModbusChannelParams> c) -> c.params().table())
                .thenComparingInt(c -> c.params().register()));
        List<Batch> out = new ArrayList<>();
        List<ChannelSpec<ModbusChannelParams>> group = new ArrayList<>();
        int start = 0;
        int end = 0;
        boolean gaps = false;
        for (ChannelSpec<ModbusChannelParams> c : sorted) {
            ModbusChannelParams p = c.params();
            int max = p.table().bits() ? maxCoils : maxRegisters;
            int cEnd = p.register() + p.width();
            boolean joins = !group.isEmpty() && group.get(0).params().table() == p.table()
                    && p.register() - end <= maxGap && Math.max(end, cEnd) - start <= max;
            if (!joins) {
                flush(unit, group, start, end, gaps, out);
                group.clear();
                start = p.register();
                end = cEnd;
                gaps = false;
            }
            gaps |= p.register() > end;
            end = Math.max(end, cEnd);
            group.add(c);
        }
        flush(unit, group, start, end, gaps, out);
        return List.copyOf(out);
    }

    private static void flush(int unit, List<ChannelSpec<ModbusChannelParams>> group, int start, int end,
            boolean gaps, List<Batch> out) {
        if (group.isEmpty()) {
            return;
        }
        Table table = group.get(0).params().table();
        List<Field> fields = group.stream().map(c -> new Field(c.id(), c.params().register() - start, c.params()))
                .toList();
        out.add(new Batch(new ReadRequest(unit, table.function, start, end - start), fields, gaps));
    }
}
