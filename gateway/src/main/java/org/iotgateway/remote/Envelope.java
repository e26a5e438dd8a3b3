package org.iotgateway.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pushed config: the YAML exactly as written, a version, the gateways it is for, and who signed
 * it. On the wire one JSON object (gateway/docs/remote-config.md, "The envelope"):
 *
 * <pre>{"format":"iot-gateway-config/1","version":42,"target":["pi-1","pi-2"],
 *  "yaml":"BASE64","key":"KEY-ID","signature":"BASE64"}</pre>
 *
 * The Ed25519 signature is over {@link #signedBytes}: {@code iot-gateway-config/1}, the version and
 * the targets joined by {@code ,}, one per line, then the YAML's bytes: so {@code printf} and
 * {@code openssl pkeyutl -sign -rawin} can make one. Other fields are ignored (not signed).
 * Immutable; the arrays are not modified after construction.
 *
 * @param version above the highest version the gateway has taken, or the gateway refuses it
 * @param targets gateway ids, or {@code *} for every gateway that reads the topic
 * @param yaml the config file's bytes
 * @param keyId the signing key's id ({@link TrustedKeys#keyId}), or null when unsigned
 * @param signature the Ed25519 signature, or null when unsigned
 */
public record Envelope(long version, List<String> targets, byte[] yaml, String keyId, byte[] signature) {
    public static final String FORMAT = "iot-gateway-config/1";
    /** A config is at most 1 MB ({@code ConfigLoader.MAX_BYTES}); base64 makes that 1.34 MB. */
    public static final int MAX_BYTES = 1_500_000;
    private static final Pattern TARGET = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Envelope {
        targets = List.copyOf(targets);
    }

    public boolean signed() {
        return signature != null;
    }

    /** True when {@code gatewayId} or {@code *} is among the targets. */
    public boolean isFor(String gatewayId) {
        return targets.contains("*") || targets.contains(gatewayId);
    }

    /** What the signature covers. */
    public byte[] signedBytes() {
        return signedBytes(version, targets, yaml);
    }

    static byte[] signedBytes(long version, List<String> targets, byte[] yaml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(yaml.length + 64);
        out.writeBytes((FORMAT + "\n" + version + "\n" + String.join(",", targets) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(yaml);
        return out.toByteArray();
    }

    /** The same envelope signed. */
    public Envelope withSignature(String key, byte[] sig) {
        return new Envelope(version, targets, yaml, key, sig);
    }

    /** The JSON object, one line. */
    public byte[] toJson() {
        ObjectNode o = JSON.createObjectNode().put("format", FORMAT).put("version", version);
        targets.forEach(o.putArray("target")::add);
        o.put("yaml", Base64.getEncoder().encodeToString(yaml));
        if (signed()) {
            o.put("key", keyId).put("signature", Base64.getEncoder().encodeToString(signature));
        }
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * Reads an envelope. Garbage from the broker is expected: every defect is a {@link Refused} with
     * {@link RefusalReason#MALFORMED} and a sentence saying what is wrong.
     */
    static Envelope parse(byte[] payload) throws Refused {
        if (payload.length > MAX_BYTES) {
            throw malformed("larger than " + MAX_BYTES + " bytes (" + payload.length + ")");
        }
        JsonNode o;
        try {
            o = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw malformed("not JSON");
        }
        if (o == null || !o.isObject()) {
            throw malformed("not a JSON object");
        }
        if (!FORMAT.equals(o.path("format").asText(null))) {
            throw malformed("'format' must be \"" + FORMAT + "\"");
        }
        JsonNode v = o.path("version");
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
            throw malformed("'version' must be a whole number from 1");
        }
        List<String> targets = targets(o.path("target"));
        byte[] yaml = base64(o.path("yaml"), "yaml");
        JsonNode key = o.path("key");
        JsonNode sig = o.path("signature");
        if (key.isMissingNode() != sig.isMissingNode()) {
            throw malformed("'key' and 'signature' go together");
        }
        if (sig.isMissingNode()) {
            return new Envelope(v.asLong(), targets, yaml, null, null);
        }
        if (!key.isTextual() || key.asText().isEmpty() || key.asText().length() > 64) {
            throw malformed("'key' must be a key id (text)");
        }
        return new Envelope(v.asLong(), targets, yaml, key.asText(), base64(sig, "signature"));
    }

    private static List<String> targets(JsonNode t) throws Refused {
        List<String> out = new ArrayList<>();
        if (t.isTextual()) {
            out.add(t.asText());
        } else if (t.isArray()) {
            for (JsonNode n : t) {
                if (!n.isTextual()) {
                    throw malformed("'target' must list gateway ids or \"*\"");
                }
                out.add(n.asText());
            }
        }
        if (out.isEmpty() || !out.stream().allMatch(id -> TARGET.matcher(id).matches())) {
            throw malformed("'target' must list gateway ids or \"*\"");
        }
        return out;
    }

    private static byte[] base64(JsonNode n, String field) throws Refused {
        if (!n.isTextual()) {
            throw malformed("'" + field + "' must be base64 text");
        }
        try {
            // Line breaks allowed (openssl base64 wraps at 64), nothing else outside the alphabet.
            return Base64.getDecoder().decode(WHITESPACE.matcher(n.asText()).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw malformed("'" + field + "' is not base64");
        }
    }

    private static Refused malformed(String why) {
        return new Refused(RefusalReason.MALFORMED, "not a config envelope: " + why);
    }
}
