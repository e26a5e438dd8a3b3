package org.iotgateway.wire;

/**
 * A small builder for the retained status message's JSON object ({@code sensors/{gateway}/status}).
 * Fields appear in the order they are added; {@link #object} nests a section (e.g. "outbox") so
 * other parts of the gateway can contribute their own. Not thread-safe: build on one thread.
 */
public final class StatusJson {
    private final StringBuilder b = new StringBuilder(256).append('{');
    private boolean first = true;

    /** A string, or null. */
    public StatusJson field(String name, String value) {
        if (value == null) {
            key(name).append("null");
        } else {
            AggregatePayload.string(key(name), value);
        }
        return this;
    }

    public StatusJson field(String name, long value) {
        key(name).append(value);
        return this;
    }

    public StatusJson field(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    /** A number; NaN and infinities (JSON has neither) are written as null. */
    public StatusJson field(String name, double value) {
        AggregatePayload.number(key(name), value);
        return this;
    }

    /** An array of objects, one per item, each filled by {@code item}. */
    public <T> StatusJson array(String name, Iterable<T> items, java.util.function.BiConsumer<StatusJson, T> item) {
        StringBuilder out = key(name).append('[');
        boolean firstItem = true;
        for (T t : items) {
            StatusJson inner = new StatusJson();
            item.accept(inner, t);
            out.append(firstItem ? "" : ",").append(inner.render());
            firstItem = false;
        }
        out.append(']');
        return this;
    }

    /** An array of numbers at float precision (a chart's points); NaN as null. */
    public StatusJson numbers(String name, float[] values) {
        StringBuilder out = key(name).append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(Float.isFinite(values[i]) ? Float.toString(values[i]) : "null");
        }
        out.append(']');
        return this;
    }

    /** A nested object, filled by {@code section}. */
    public StatusJson object(String name, java.util.function.Consumer<StatusJson> section) {
        StatusJson inner = new StatusJson();
        section.accept(inner);
        key(name).append(inner.render());
        return this;
    }

    public String render() {
        return b + "}";
    }

    private StringBuilder key(String name) {
        if (!first) {
            b.append(',');
        }
        first = false;
        AggregatePayload.string(b, name);
        return b.append(':');
    }
}
