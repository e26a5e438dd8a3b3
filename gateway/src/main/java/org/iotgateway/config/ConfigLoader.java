package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads the gateway's YAML config into a validated {@link GatewayConfig}, or fails with a
 * {@link ConfigException} listing every problem as {@code FILE:LINE:COL: message}.
 *
 * <p>Steps: read the file once (at most {@link #MAX_BYTES}), parse it into a tree with positions
 * ({@link YamlTreeReader}), substitute {@code ${VAR}} ({@link EnvSubstitution}), bind records
 * ({@link RecordBinder}, with {@link SensorBinder} typing driver and filter params), check ids
 * ({@link DuplicateIds}) and sensors sharing a port or host ({@link SharedLinks}).
 *
 * <p>Called on the main thread at start-up (and by {@code validate}); {@link #load} blocks on file
 * I/O. Instances hold no state between calls and may be shared.
 */
public final class ConfigLoader {
    /** A real config is a few kB; anything near this is a mistake or an attack. */
    public static final int MAX_BYTES = 1_000_000;

    private final Function<String, String> env;

    /** Substitutes from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param env looks up {@code ${VAR}} names; returns null for an unset variable */
    public ConfigLoader(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * A config as loaded from a file, with the bytes it was bound from.
     *
     * <p>A class rather than a record so the hash is computed only when asked for: only run
     * (status, reload) uses it, and the first {@link MessageDigest} costs replay and validate some
     * 20 ms of security-provider start-up on the main thread.
     */
    public static final class Loaded {
        private final GatewayConfig config;
        private final byte[] bytes;
        private final ConfigPositions positions;

        Loaded(GatewayConfig config, byte[] bytes, ConfigPositions positions) {
            this.config = config;
            this.bytes = bytes;
            this.positions = positions;
        }

        /** The bound, validated config. */
        public GatewayConfig config() {
            return config;
        }

        /**
         * SHA-256 of the file's bytes, lower-case hex: what {@code sha256sum FILE} prints, so a
         * status message's config hash can be checked against the file on disk.
         */
        public String sha256() {
            return ConfigLoader.sha256(bytes);
        }

        /** Where each value sits in the file, for warnings about the config. */
        public ConfigPositions positions() {
            return positions;
        }
    }

    /** Reads and binds {@code file}; messages name it as given (relative stays relative). */
    public GatewayConfig load(Path file) throws ConfigException {
        return loadFile(file).config();
    }

    /** {@link #load}, and the hash of the very bytes that were bound. */
    public Loaded loadFile(Path file) throws ConfigException {
        String name = file.toString();
        Problems problems = new Problems(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            problems.whole("cannot read: " + reason(e));
            throw problems.exception();
        }
        if (bytes.length > MAX_BYTES) {
            problems.whole("is larger than " + MAX_BYTES / 1_000_000 + " MB; refusing to parse it");
            throw problems.exception();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.whole("is not UTF-8 text");
            throw problems.exception();
        }
        Problems found = new Problems(name);
        JsonNode raw = tree(text, found);
        // Before binding: substitution rewrites the tree in place.
        LiteralSecrets.warnIfReadableByOthers(file, raw);
        return bind(raw, found, bytes);
    }

    /** Binds YAML text as if read from a file called {@code name} (for tests and stdin). */
    public GatewayConfig parse(String name, String yaml) throws ConfigException {
        return parseLoaded(name, yaml).config();
    }

    /** {@link #parse}, with the hash of the text's UTF-8 bytes and the positions of its values. */
    public Loaded parseLoaded(String name, String yaml) throws ConfigException {
        Problems problems = new Problems(name);
        return bind(tree(yaml, problems), problems, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses into a tree; {@code problems} keeps every node's position for the messages of later steps. */
    private static JsonNode tree(String yaml, Problems problems) throws ConfigException {
        if (yaml.length() > MAX_BYTES) {
            problems.whole("is larger than " + MAX_BYTES / 1_000_000 + " MB; refusing to parse it");
            throw problems.exception();
        }
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        JsonNode root = YamlTreeReader.read(text, problems);
        if (root == null) {
            throw problems.exception();
        }
        return root;
    }

    private Loaded bind(JsonNode raw, Problems problems, byte[] bytes) throws ConfigException {
        JsonNode root = new EnvSubstitution(env).apply(raw, "", problems);
        RecordBinder binder = new RecordBinder(problems);
        SensorBinder sensors = new SensorBinder(binder, problems);
        Object config = binder.bind(GatewayConfig.class, root, "",
                Map.of("sensors", (n, at) -> binder.list(n, at, sensors::bind)), RecordBinder.where(""));
        if (root.isObject()) {
            DuplicateIds.check(root, problems);
        }
        if (config instanceof GatewayConfig bound) {
            SharedLinks.check(bound, problems);
        }
        problems.throwIfAny();
        return new Loaded((GatewayConfig) config, bytes, problems.positions());
    }

    /** SHA-256 of a config's bytes, lower-case hex: the config hash (the status message shows its first 16 digits). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
