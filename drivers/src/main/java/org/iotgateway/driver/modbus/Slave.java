package org.iotgateway.driver.modbus;

import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.QualityMonitor;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.modbus.codec.Reply;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sensor's slave device as its bus sees it: the requests of a poll, when the next poll is due,
 * and what the replies become (readings, rejects by reason, the sensor's state). A slave that
 * stays silent for {@value #SILENT_POLLS} polls is reported disconnected and asked again only
 * after a back-off, so it costs the others on its bus at most one timeout per attempt.
 * Used on its bus's thread only, under the bus's lock.
 */
final class Slave {
    private static final Logger LOG = LoggerFactory.getLogger(Slave.class);
    static final int SILENT_POLLS = 3;

    private final String sensor;
    private final ModbusParams params;
    private final List<ChannelSpec<ModbusChannelParams>> channels;
    private final ReadingSink sink;
    private final StateReporter state;
    private final QualityMonitor quality;
    private final Backoff backoff;
    private final long intervalNanos;
    private List<Batch> batches;
    private int silentPolls;
    private long dueNanos;

    Slave(SensorSpec<ModbusParams, ModbusChannelParams> spec, ReadingSink sink, long firstDueNanos) {
        this.sensor = spec.sensorId();
        this.params = spec.params();
        this.channels = spec.channels();
        this.sink = sink;
        this.state = new StateReporter(sensor, sink);
        this.quality = new QualityMonitor(state);
        this.intervalNanos = params.interval().toNanos();
        this.backoff = Backoff.exact(max(params.retryMin(), params.interval()), max(params.retryMax(), params.interval()));
        this.batches = BatchPlan.of(params.unit(), channels, params.maxGap(), params.maxRegisters(), params.maxCoils());
        this.dueNanos = firstDueNanos;
    }

    String sensor() {
        return sensor;
    }

    ModbusParams params() {
        return params;
    }

    long dueNanos() {
        return dueNanos;
    }

    List<Batch> batches() {
        return batches;
    }

    /** Sends this poll's requests on {@code link}; {@code now} is when the bus started it. */
    void poll(Link link, long now) throws LinkDown {
        long stamp = System.currentTimeMillis(); // one acquisition time for every reading of the poll
        boolean heard = false;
        for (Batch b : batches) {
            Exchange x = link.exchange(b.request(), params.timeout().toNanos(), params.pause().toNanos());
            noise(x.noise());
            if (x.reply() instanceof Reply.Data d) {
                offer(b, d, stamp);
            } else if (x.reply() instanceof Reply.Refusal r) {
                reject(r.reason(), "unit " + params.unit() + " refused " + what(b) + " with exception " + r.code());
                if (r.code() == 2 && b.gaps()) {
                    unjoin();
                }
            } else if (x.reply() instanceof Reply.Malformed m) {
                reject("bad-frame", m.detail());
            } else {
                reject(x.failure(), x.detail());
            }
            heard |= x.heard();
            if (!x.heard()) {
                break; // silent: the rest of this poll would cost a timeout each
            }
        }
        schedule(now, heard);
    }

    private void offer(Batch b, Reply.Data data, long stamp) {
        boolean offered = false;
        for (Field f : b.fields()) {
            double raw = f.raw(data);
            if (Double.isFinite(raw)) {
                sink.offer(f.channel(), stamp, f.scaled(raw));
                offered = true;
            } else {
                reject("not-a-number", "channel " + channels.get(f.channel()).name() + " reads " + raw);
            }
        }
        if (offered) {
            quality.good();
        }
    }

    private static String what(Batch b) {
        return b.request().function().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                + b.request().address() + "+" + b.request().quantity();
    }

    /** A device that refuses a request joined across a gap has holes in its map: read each channel range on its own. */
    private void unjoin() {
        LOG.warn("sensor {}: unit {} refused a request spanning unused addresses; reading without joining gaps from now on",
                sensor, params.unit());
        batches = BatchPlan.of(params.unit(), channels, 0, params.maxRegisters(), params.maxCoils());
    }

    private void schedule(long now, boolean heard) {
        if (heard) {
            silentPolls = 0;
            backoff.reset();
            if (state.current() != SensorState.OK && state.current() != SensorState.DEGRADED) {
                state.set(SensorState.OK, "unit " + params.unit() + " on " + params.link() + " answers");
            }
        } else if (++silentPolls >= SILENT_POLLS) {
            state.set(SensorState.DISCONNECTED, "unit " + params.unit() + " on " + params.link() + " does not answer");
            dueNanos = now + backoff.nextNanos();
            return;
        }
        dueNanos += intervalNanos;
        if (now - dueNanos >= 0) { // the bus was busy for a whole interval: skip, don't burst
            long missed = (now - dueNanos) / intervalNanos + 1;
            dueNanos += missed * intervalNanos;
            reject("bus-overrun", missed + " poll(s) skipped: the bus is busier than the intervals allow");
        }
    }

    /** The port or connection is gone: the slave is unreachable until the bus has it back. */
    void linkDown(String why) {
        state.set(SensorState.DISCONNECTED, why);
    }

    /** The link is (back) up at {@code now}: a poll that fell due meanwhile is made at once, not counted as skipped. */
    void linkUp(long now) {
        if (dueNanos - now < 0) {
            dueNanos = now;
        }
    }

    private void noise(int bytes) {
        if (bytes > 0) {
            reject("garbage", bytes + " byte(s) on the line that belong to no frame");
        }
    }

    /** Bytes found on the line before the next slave's poll: after this slave's reply, so probably its late one. */
    void stray(int bytes) {
        if (bytes > 0) {
            reject("garbage", bytes + " byte(s) on the line after the last reply (a late reply or noise)");
        }
    }

    private void reject(String reason, String detail) {
        quality.bad();
        sink.reject(sensor, reason, detail);
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
