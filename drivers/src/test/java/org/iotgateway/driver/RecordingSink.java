package org.iotgateway.driver;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Collects what a driver delivers, from any thread; rejects also in order, with when they came (nanoTime). */
public final class RecordingSink implements ReadingSink {
    public record Reading(int channel, long time, double value) {
    }

    public record Reject(String reason, String detail, long atNanos) {
    }

    public final Queue<Reading> readings = new ConcurrentLinkedQueue<>();
    public final Map<String, AtomicLong> rejects = new ConcurrentHashMap<>();
    public final List<SensorState> states = new CopyOnWriteArrayList<>();
    public final List<String> details = new CopyOnWriteArrayList<>();
    public final List<Reject> rejectLog = new CopyOnWriteArrayList<>();

    @Override
    public boolean offer(int channel, long epochMillis, double value) {
        readings.add(new Reading(channel, epochMillis, value));
        return true;
    }

    @Override
    public void reject(String sensor, String reason, String detail) {
        rejects.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        rejectLog.add(new Reject(reason, detail, System.nanoTime()));
    }

    @Override
    public void state(String sensor, SensorState state, String detail) {
        details.add(detail);
        states.add(state);
    }

    public long rejects(String reason) {
        AtomicLong n = rejects.get(reason);
        return n == null ? 0 : n.get();
    }

    public long totalRejects() {
        return rejects.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public SensorState lastState() {
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    public String lastDetail() {
        return details.isEmpty() ? null : details.get(details.size() - 1);
    }

    public List<Double> values(int channel) {
        return readings.stream().filter(r -> r.channel() == channel).map(Reading::value).toList();
    }

    /** The channel's latest value, or null. */
    public Double last(int channel) {
        List<Double> v = values(channel);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** When each reject of {@code reason} came, in nanoTime. */
    public List<Long> rejectTimes(String reason) {
        return rejectLog.stream().filter(r -> r.reason().equals(reason)).map(Reject::atNanos).toList();
    }
}
