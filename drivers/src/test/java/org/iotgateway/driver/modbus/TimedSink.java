package org.iotgateway.driver.modbus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorState;

/** Records one sensor's readings, rejects and states with when they arrived (nanoTime), from any thread. */
final class TimedSink implements ReadingSink {
    record Reading(int channel, long stamp, double value) {
    }

    record Reject(String reason, String detail, long atNanos) {
    }

    final List<Reading> readings = new CopyOnWriteArrayList<>();
    final List<Reject> rejects = new CopyOnWriteArrayList<>();
    final List<SensorState> states = new CopyOnWriteArrayList<>();

    @Override
    public boolean offer(int channel, long epochMillis, double value) {
        readings.add(new Reading(channel, epochMillis, value));
        return true;
    }

    @Override
    public void reject(String sensor, String reason, String detail) {
        rejects.add(new Reject(reason, detail, System.nanoTime()));
    }

    @Override
    public void state(String sensor, SensorState state, String detail) {
        states.add(state);
    }

    SensorState state() {
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    List<Double> values(int channel) {
        return readings.stream().filter(r -> r.channel() == channel).map(Reading::value).toList();
    }

    Double last(int channel) {
        List<Double> v = values(channel);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    long rejects(String reason) {
        return rejects.stream().filter(r -> r.reason().equals(reason)).count();
    }

    List<Long> rejectTimes(String reason) {
        return rejects.stream().filter(r -> r.reason().equals(reason)).map(Reject::atNanos).toList();
    }
}
