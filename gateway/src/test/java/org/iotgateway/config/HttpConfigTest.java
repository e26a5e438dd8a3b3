package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http} section: off without it, loopback by default, a password required to go wider. */
class HttpConfigTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void noSectionNoServer() throws Exception {
        assertThat(files.load(ConfigFiles.DEMO).http().enabled()).isFalse();
    }

    @Test
    void anEmptySectionServesOnLoopbackPort8080WithoutAPassword() throws Exception {
        HttpConfig http = files.load(ConfigFiles.DEMO + "http: {}\n").http();
        assertThat(http.enabled()).isTrue();
        assertThat(http.address().toString()).isEqualTo("127.0.0.1:8080");
        assertThat(http.address().loopback()).isTrue();
        assertThat(http.authenticated()).isFalse();
        assertThat(files.load(ConfigFiles.DEMO + "http: {enabled: false}\n").http().enabled()).isFalse();
    }

    @Test
    void loopbackAddressesNeedNoPassword() throws Exception {
        for (String listen : new String[] {"127.0.0.1:9000", "127.0.0.2:0", "localhost:8080", "[::1]:8080"}) {
            HttpConfig http = files.load(ConfigFiles.DEMO + "http: {listen: \"" + listen + "\"}\n").http();
            assertThat(http.address().loopback()).as(listen).isTrue();
        }
    }

    @Test
    void anyOtherAddressWithoutAPasswordIsAConfigErrorAtTheAddress() throws Exception {
        assertThat(files.problems(ConfigFiles.DEMO + "http:\n  listen: 0.0.0.0:8080\n")).containsExactly(
                "gw.yaml:28:11: 'listen' 0.0.0.0:8080 is reachable from other machines: set 'username' and "
                        + "'password-file' so the page asks for a password (or listen on 127.0.0.1)");
        assertThat(files.problems(ConfigFiles.DEMO + "http: {listen: \"[::]:8080\"}\n")).singleElement().asString()
                .contains("[0:0:0:0:0:0:0:0]:8080 is reachable from other machines");
    }

    @Test
    void wideWithUserAndPasswordFileIsFine() throws Exception {
        HttpConfig http = files.load(ConfigFiles.DEMO + """
                http:
                  listen: 0.0.0.0:8080
                  username: admin
                  password-file: /etc/iot-gateway/http-password
                """).http();
        assertThat(http.authenticated()).isTrue();
        assertThat(http.address().loopback()).isFalse();
    }

    @Test
    void userAndPasswordFileGoTogether() throws Exception {
        assertThat(files.problems(ConfigFiles.DEMO + "http:\n  username: admin\n")).containsExactly(
                "gw.yaml:28:13: 'username' and 'password-file' go together: give both or neither");
        assertThat(files.problems(ConfigFiles.DEMO + "http:\n  password-file: /x\n")).containsExactly(
                "gw.yaml:28:18: 'username' and 'password-file' go together: give both or neither");
    }

    @Test
    void aPasswordCannotBeWrittenIntoTheFile() throws Exception {
        assertThat(files.problems(ConfigFiles.DEMO + "http:\n  username: admin\n  password: hunter22\n"))
                .contains("gw.yaml:29:3: unknown key 'password' in http; valid keys are: enabled, listen, username, "
                        + "password-file")
                .noneMatch(p -> p.contains("hunter22"));
    }

    @Test
    void listenMustBeAnIpAndAPort() throws Exception {
        assertThat(files.problems(ConfigFiles.DEMO + "http: {listen: pi.local:8080}\n")).containsExactly(
                "gw.yaml:27:16: 'listen' must be IP:PORT (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080), got 'pi.local:8080'");
        assertThat(files.problems(ConfigFiles.DEMO + "http: {listen: \"127.0.0.1:70000\"}\n")).containsExactly(
                "gw.yaml:27:16: 'listen' port must be at most 65535, got 70000");
        assertThat(files.problems(ConfigFiles.DEMO + "http: {listen: 8080}\n")).singleElement().asString()
                .contains("must be IP:PORT");
        assertThat(files.problems(ConfigFiles.DEMO + "http: {listen: \"[fe80::zz]:80\"}\n")).singleElement().asString()
                .contains("must be IP:PORT");
    }
}
