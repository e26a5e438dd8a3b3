package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.iotgateway.identity.DeviceId;

/**
 * Replaces {@code gateway.id: auto} with this device's id ({@link DeviceId}) in the parsed tree,
 * after {@code ${VAR}} substitution (so {@code ${GATEWAY_ID:-auto}} works) and before binding, so
 * every command (run, validate, check, tail, replay) agrees on the id. The loading thread; reads a
 * few small files only when the id is {@code auto}.
 */
final class AutoId {
    private AutoId() {
    }

    /** @return how the id was derived, or null when the config names its id itself */
    static DeviceId.Derived apply(JsonNode root, DeviceId device, Problems problems) {
        JsonNode gateway = root.get("gateway");
        if (!(gateway instanceof ObjectNode g) || !(g.get("id") instanceof TextNode id)
                || !id.textValue().equals(DeviceId.AUTO)) {
            return null;
        }
        try {
            DeviceId.Derived d = device.derive();
            g.set("id", TextNode.valueOf(d.id()));
            return d;
        } catch (DeviceId.NotFound e) {
            problems.atValue(Paths.child(Paths.child("", "gateway"), "id"), "'id: auto' " + e.getMessage());
            return null;
        }
    }
}
