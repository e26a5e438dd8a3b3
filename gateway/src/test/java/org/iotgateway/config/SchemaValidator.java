package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Validates YAML text against the committed config schema with a real JSON Schema (draft-07) validator. */
final class SchemaValidator {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Schema SCHEMA = load();

    private SchemaValidator() {
    }

    /** The validator's messages; empty when the YAML conforms. */
    static List<String> errors(String yaml) {
        try {
            JsonNode doc = YAML.readTree(yaml);
            return SCHEMA.validate(doc).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try {
            JsonNode schema = ConfigSchemaTest.JSON.readTree(Files.readString(ConfigSchema.FILE));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
