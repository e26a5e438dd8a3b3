package org.iotgateway.driver.serial.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotgateway.driver.serial.parser.Parsed.parse;
import static org.iotgateway.driver.serial.parser.Parsed.reason;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextParsersTest {
    private final CsvParser csv = new CsvParser(List.of("t", "h", "p"), ",");
    private final KeyValueParser kv = new KeyValueParser(",");
    private final RegexParser regex = new RegexParser(Pattern.compile("T:(?<t>[-0-9.]+)C H:(?<h>[0-9.]+)%( P:(?<p>[0-9.]+))?"));
    private final JsonParser json = new JsonParser();

    @Test
    void csvNamesColumnsAndSkipsEmptyOnes() throws Exception {
        assertThat(parse(csv, "21.5,40,1013.2\r")).containsExactly(Map.entry("t", 21.5), Map.entry("h", 40.0),
                Map.entry("p", 1013.2));
        assertThat(parse(csv, "21.5,,1013.2")).containsOnlyKeys("t", "p");
        assertThat(reason(csv, "21.5,40")).isEqualTo("field-count");
        assertThat(reason(csv, "21.5,forty,1")).isEqualTo("not-a-number");
        assertThat(reason(csv, "NaN,1,1")).isEqualTo("not-a-number");
        assertThat(reason(csv, "0x10,1,1")).isEqualTo("not-a-number");
    }

    @Test
    void keyValueTakesEqualsOrColon() throws Exception {
        assertThat(parse(kv, "T=21.3,H=40")).containsExactly(Map.entry("T", 21.3), Map.entry("H", 40.0));
        assertThat(parse(kv, " T: -4.5 , H:99 ")).containsExactly(Map.entry("T", -4.5), Map.entry("H", 99.0));
        assertThat(reason(kv, "T=21.3,H")).isEqualTo("unparseable");
        assertThat(reason(kv, "=5")).isEqualTo("unparseable");
        assertThat(reason(kv, "T=warm")).isEqualTo("not-a-number");
    }

    @Test
    void regexNamedGroupsAreFieldsAndOptionalGroupsMayBeAbsent() throws Exception {
        assertThat(parse(regex, "T:21.5C H:40%")).containsExactly(Map.entry("t", 21.5), Map.entry("h", 40.0));
        assertThat(parse(regex, "T:21.5C H:40% P:1013")).containsEntry("p", 1013.0);
        assertThat(reason(regex, "hello")).isEqualTo("no-match");
        assertThat(reason(regex, "T:-.-C H:40%")).isEqualTo("not-a-number");
    }

    @Test
    void jsonFlattensNestedNumbersAndSkipsTheRest() throws Exception {
        assertThat(parse(json, "{\"t\":21.5,\"ok\":true,\"name\":\"x\",\"env\":{\"h\":40},\"list\":[1,2],\"n\":null}"))
                .containsExactly(Map.entry("t", 21.5), Map.entry("ok", 1.0), Map.entry("env.h", 40.0));
        assertThat(reason(json, "[1,2]")).isEqualTo("unparseable");
        assertThat(reason(json, "{\"t\":")).isEqualTo("unparseable");
        assertThat(reason(json, "{\"t\":1} trailing")).isEqualTo("unparseable");
        assertThat(reason(json, "{\"a\":".repeat(50) + "1" + "}".repeat(50))).isEqualTo("unparseable");
    }

    @Test
    void everyTextParserRejectsControlBytesAndInvalidUtf8() {
        for (TextParser p : List.of(csv, kv, regex, json, new NmeaParser())) {
            assertThat(reason(p, new byte[] {'1', 0, '2'})).isEqualTo("garbage");
            assertThat(reason(p, new byte[] {'1', (byte) 0xc3, '('})).isEqualTo("invalid-utf8");
            assertThat(reason(p, new byte[] {(byte) 0xff})).isEqualTo("invalid-utf8");
        }
    }

    @Test
    void emptyLinesAndBareCarriageReturnsAreSkipped() throws Exception {
        assertThat(parse(csv, "")).isEmpty();
        assertThat(parse(csv, "\r")).isEmpty();
    }
}
