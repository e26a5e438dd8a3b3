package org.iotgateway.driver.serial.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The common front of the line parsers: strict UTF-8 decoding (invalid bytes are
 * {@code invalid-utf8}, not silently replaced), control characters are {@code garbage}, a trailing
 * CR is dropped, and an empty line is skipped. One decoder per parser: reader thread only.
 */
abstract class TextParser implements Parser {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    @Override
    public final void parse(byte[] frame, int off, int len, FieldSink out) throws BadInput {
        if (len > 0 && frame[off + len - 1] == '\r') {
            len--;
        }
        if (len == 0) {
            return;
        }
        for (int i = off; i < off + len; i++) {
            byte b = frame[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                throw new BadInput("garbage", String.format("control byte 0x%02x at column %d", b, i - off + 1));
            }
        }
        String line;
        try {
            line = decoder.reset().decode(ByteBuffer.wrap(frame, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("invalid-utf8", "line is not valid UTF-8");
        }
        parseLine(line, out);
    }

    /** Parses one decoded, non-empty line without control characters. */
    abstract void parseLine(String line, FieldSink out) throws BadInput;
}
