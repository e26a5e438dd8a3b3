package org.iotgateway.driver.serial.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object per line; numbers (and booleans as 1/0) become fields named by their path, with
 * nested objects joined by dots ({@code {"env":{"t":21}}} gives {@code env.t}). Strings, nulls and
 * arrays are skipped. Not an object or not JSON is {@code unparseable}.
 */
public final class JsonParser extends TextParser {
    private static final int MAX_DEPTH = 8;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
            .build();

    @Override
    void parseLine(String line, FieldSink out) throws BadInput {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInput("unparseable", "not a JSON object: '" + Numbers.shorten(line) + "'");
            }
            readObject(p, "", names, values);
            if (p.nextToken() != null) {
                throw new BadInput("unparseable", "text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new BadInput("unparseable", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInput("unparseable", e.toString());
        }
        for (int i = 0; i < names.size(); i++) {
            out.field(names.get(i), values.get(i));
        }
    }

    private static void readObject(com.fasterxml.jackson.core.JsonParser p, String prefix, List<String> names,
            List<Double> values) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken t = p.nextToken();
            switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> add(names, values, name, p.getDoubleValue());
                case VALUE_TRUE -> add(names, values, name, 1);
                case VALUE_FALSE -> add(names, values, name, 0);
                case START_OBJECT -> readObject(p, name + ".", names, values);
                case START_ARRAY -> p.skipChildren();
                default -> { } // strings and nulls carry no measurement
            }
        }
    }

    private static void add(List<String> names, List<Double> values, String name, double value) {
        if (Double.isFinite(value)) {
            names.add(name);
            values.add(value);
        }
    }
}
