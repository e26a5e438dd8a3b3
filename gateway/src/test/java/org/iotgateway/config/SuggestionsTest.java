package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> MQTT = List.of("broker", "client-id", "qos", "keep-alive", "max-inflight");

    @Test
    void typosTranspositionsAndOtherSpellingsFindTheKey() {
        assertThat(Suggestions.closest("brokr", MQTT)).contains("broker");
        assertThat(Suggestions.closest("qso", MQTT)).contains("qos");
        assertThat(Suggestions.closest("keepAlive", MQTT)).contains("keep-alive");
        assertThat(Suggestions.closest("max_inflight", MQTT)).contains("max-inflight");
    }

    @Test
    void nothingCloseMeansNoGuess() {
        assertThat(Suggestions.closest("colour", MQTT)).isEmpty();
        assertThat(Suggestions.closest("x", List.of("id"))).isEmpty();
        assertThat(Suggestions.closest("b".repeat(10_000), MQTT)).isEmpty();
    }

    @Test
    void damerauDistance() {
        assertThat(Suggestions.distance("abcd", "abdc")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
