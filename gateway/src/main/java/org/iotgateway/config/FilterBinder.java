package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.iotgateway.stream.filter.FilterCatalog;
import org.iotgateway.stream.filter.FilterType;

/**
 * Binds one filter list item, {@code {type: range, min: -40, max: 85}}: {@code type} is looked up
 * in the {@link FilterCatalog}, every other key of the same mapping binds into that filter's
 * params record (errors point at the keys in the item itself). Used only by the loading thread.
 */
final class FilterBinder {
    private final RecordBinder binder;
    private final Problems problems;

    FilterBinder(RecordBinder binder, Problems problems) {
        this.binder = binder;
        this.problems = problems;
    }

    Object bind(JsonNode node, String path) {
        String names = String.join(", ", FilterCatalog.names());
        if (!node.isObject()) {
            problems.atValue(path, Values.mustBe(path, "a mapping such as {type: range, min: 0}", node));
            return RecordBinder.FAILED;
        }
        String typePath = Paths.child(path, "type");
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            problems.atValue(typePath, "'type' is required; one of " + names);
            return RecordBinder.FAILED;
        }
        FilterType<?> type = typeNode.isTextual() ? FilterCatalog.find(typeNode.textValue()).orElse(null) : null;
        if (type == null) {
            String got = typeNode.isTextual() ? "'" + typeNode.textValue() + "'" : Values.shown(typePath, typeNode);
            problems.atValue(typePath, "unknown filter type " + got
                    + Suggestions.hint(typeNode.asText(), FilterCatalog.names(), "known filter types"));
            return RecordBinder.FAILED;
        }
        ObjectNode params = ((ObjectNode) node).deepCopy();
        params.remove("type");
        Object bound = binder.bind(type.params(), params, path, Map.of(),
                RecordBinder.where(path) + " (" + type.name() + " filter)");
        return bound == RecordBinder.FAILED ? bound : new FilterConfig(type.name(), (Record) bound);
    }
}
