package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/build-deb.sh and the maintainer scripts, installed with {@code dpkg --root} into a
 * {@link FakeRoot}: files, modes, owners, the service user, the conffile across an upgrade, and
 * that only purge deletes the outbox. Not exercised here: starting/restarting the service
 * (systemd is not running in the build container).
 */
class DebPackageIT {
    private static final String CONF = "/etc/iot-gateway/gateway.yaml";
    private static final String SCHEMA = "/usr/share/iot-gateway/schema/gateway.schema.json";
    private static final String STATE = "/var/lib/iot-gateway";
    private static final String OUTBOX = STATE + "/outbox.mv.db";
    private static final String ENABLED = "/etc/systemd/system/multi-user.target.wants/iot-gateway.service";

    @TempDir
    static Path debs;
    static Path v1;
    static Path v2;

    @BeforeAll
    static void buildPackages() throws Exception {
        Repo.requireTools("dpkg-deb", "dpkg", "useradd", "deb-systemd-helper");
        v1 = Repo.buildDeb(debs.resolve("v1"), "0.1.0", null);
        Path changed = debs.resolve("gateway.yaml");
        Files.writeString(changed, Files.readString(Repo.root().resolve("config/gateway.yaml")) + "# shipped by 0.1.1\n");
        v2 = Repo.buildDeb(debs.resolve("v2"), "0.1.1", changed);
    }

    @Test
    void packageHoldsTheFilesWithModesOwnersConffileAndJavaDependency() throws Exception {
        String listing = Cmd.run("dpkg-deb", "--contents", v1.toString()).ok().output();
        assertThat(listing)
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./usr/share/iot-gateway/iot-gateway\\.jar")
                .containsPattern("-rwxr-xr-x root/root +\\d+ .* \\./usr/bin/iot-gateway")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./etc/iot-gateway/gateway\\.yaml")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./usr/share/iot-gateway/schema/gateway\\.schema\\.json")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./lib/systemd/system/iot-gateway\\.service")
                .contains("./usr/share/doc/iot-gateway/copyright", "./usr/share/doc/iot-gateway/changelog.gz")
                // The docs with their map, so that its relative links work on the device too.
                .contains("./usr/share/doc/iot-gateway/README.md", "./usr/share/doc/iot-gateway/config/README.md",
                        "./usr/share/doc/iot-gateway/gateway/docs/delivery.md")
                .doesNotContain("./var/lib/iot-gateway");
        assertThat(Cmd.run("dpkg-deb", "--field", v1.toString(), "Depends").ok().output())
                .contains("default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | java17-runtime-headless");
        assertThat(Cmd.run("dpkg-deb", "--info", v1.toString(), "conffiles").ok().output().strip()).isEqualTo(CONF);
        // A JDK changed under /usr/lib/jvm: postinst remakes the class-data-sharing archive.
        assertThat(Cmd.run("dpkg-deb", "--info", v1.toString(), "triggers").ok().output().strip())
                .isEqualTo("interest-noawait /usr/lib/jvm");
    }

    @Test
    void lintianFindsNothing() throws Exception {
        Repo.requireTools("lintian");
        Cmd.Result r = Cmd.run("lintian", "--fail-on", "error,warning", v1.toString());
        assertThat(r.output().lines().filter(l -> l.matches("^[EWI]: .*"))).as(r.output()).isEmpty();
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void theSameJarGivesTheSameBytes() throws Exception {
        Path again = Repo.buildDeb(debs.resolve("again"), "0.1.0", null);
        assertThat(Files.mismatch(v1, again)).isEqualTo(-1L);
    }

    @Test
    void installUpgradeRemovePurge(@TempDir Path dir) throws Exception {
        requireRoot();
        FakeRoot root = new FakeRoot(dir);

        root.dpkg("--install", v1.toString()).ok();
        int uid = root.id("passwd", "iot-gateway");
        assertThat(uid).isPositive().isLessThan(1000);
        assertThat(root.members("dialout")).containsExactly("iot-gateway");
        assertThat(root.members("gpio")).containsExactly("iot-gateway");
        assertThat(root.id("group", "i2c")).as("groups that do not exist are not created").isEqualTo(-1);
        assertThat(root.mode("/usr/bin/iot-gateway")).isEqualTo("rwxr-xr-x");
        assertThat(root.mode("/usr/share/iot-gateway/iot-gateway.jar")).isEqualTo("rw-r--r--");
        assertConfigReadableByTheServiceOnly(root);
        assertThat(Files.readAllLines(root.path(CONF)).get(0)).as("editors on the device find the installed schema")
                .isEqualTo("# yaml-language-server: $schema=" + SCHEMA);
        assertThat(root.path(SCHEMA)).hasSameTextualContentAs(Repo.root().resolve("config/schema/gateway.schema.json"));
        assertThat(root.mode(STATE)).isEqualTo("rwx------");
        assertThat(root.uid(STATE)).isEqualTo(uid);
        assertThat(Files.readSymbolicLink(root.path(ENABLED))).hasToString("/lib/systemd/system/iot-gateway.service");

        Files.writeString(root.path(OUTBOX), "undelivered aggregates");
        Files.writeString(root.path(CONF), Files.readString(root.path(CONF)).replace("id: pi-greenhouse-01", "id: pi-shed-7"));

        Cmd.Result upgrade = root.dpkg("--force-confold", "--install", v2.toString()).ok();
        assertThat(upgrade.output()).doesNotContain("NOT restarting");
        assertThat(Files.readString(root.path(CONF))).as("the user's edit survives").contains("id: pi-shed-7");
        assertThat(Files.readString(root.path(CONF + ".dpkg-dist"))).contains("# shipped by 0.1.1");
        assertConfigReadableByTheServiceOnly(root);
        assertThat(root.path(OUTBOX)).hasContent("undelivered aggregates");
        assertThat(root.id("passwd", "iot-gateway")).isEqualTo(uid);

        root.dpkg("--remove", "iot-gateway").ok();
        assertThat(root.path("/usr/share/iot-gateway/iot-gateway.jar")).doesNotExist();
        assertThat(root.path(SCHEMA)).doesNotExist();
        assertThat(root.path("/lib/systemd/system/iot-gateway.service")).doesNotExist();
        assertThat(root.path(OUTBOX)).as("remove keeps the outbox").hasContent("undelivered aggregates");
        assertThat(Files.readString(root.path(CONF))).contains("id: pi-shed-7");

        root.dpkg("--purge", "iot-gateway").ok();
        assertThat(root.path(STATE)).doesNotExist();
        assertThat(root.path("/etc/iot-gateway")).doesNotExist();
        assertThat(root.path(ENABLED)).doesNotExist();
    }

    @Test
    void anUnchangedConffileIsReplacedOnUpgrade(@TempDir Path dir) throws Exception {
        requireRoot();
        FakeRoot root = new FakeRoot(dir);
        root.dpkg("--install", v1.toString()).ok();
        root.dpkg("--install", v2.toString()).ok();
        assertThat(Files.readString(root.path(CONF))).contains("# shipped by 0.1.1");
        assertConfigReadableByTheServiceOnly(root);
    }

    /** What the first-boot unit of a flashed image does: flash.sh put the config there first. */
    @Test
    void aConfigInPlaceBeforeTheFirstInstallIsKept(@TempDir Path dir) throws Exception {
        requireRoot();
        FakeRoot root = new FakeRoot(dir);
        Files.createDirectories(root.path("/etc/iot-gateway"));
        Files.writeString(root.path(CONF), "gateway: {id: flashed}\n");

        root.dpkg("--force-confold", "--install", v1.toString()).ok();

        assertThat(root.path(CONF)).hasContent("gateway: {id: flashed}");
        assertConfigReadableByTheServiceOnly(root);
    }

    @Test
    void upgradeKeepsTheOldServiceWhenTheNewVersionRejectsTheConfig(@TempDir Path dir) throws Exception {
        requireRoot();
        FakeRoot root = new FakeRoot(dir);
        root.dpkg("--install", v1.toString()).ok();
        Files.writeString(root.path(CONF), Files.readString(root.path(CONF)).replace("id: pi-greenhouse-01", "id: \"bad id!\""));

        Cmd.Result upgrade = root.dpkg("--force-confold", "--install", v2.toString());

        assertThat(upgrade.exit()).as("a rejected config must not wedge apt: " + upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("gateway.yaml:", "NOT restarting", "(version 0.1.0) keeps going");
        assertThat(Cmd.run("dpkg-query", "--admindir=" + root.path("/var/lib/dpkg"), "-W", "-f=${Status} ${Version}", "iot-gateway").ok().output())
                .isEqualTo("install ok installed 0.1.1");
    }

    private static void assertConfigReadableByTheServiceOnly(FakeRoot root) throws Exception {
        assertThat(root.mode(CONF)).isEqualTo("rw-r-----");
        assertThat(root.uid(CONF)).isZero();
        assertThat(root.gid(CONF)).isEqualTo(root.id("group", "iot-gateway"));
    }

    private static void requireRoot() throws Exception {
        boolean root = Cmd.run("id", "-u").ok().output().strip().equals("0");
        if (!root) {
            System.err.println("!!! SKIPPING: dpkg --root needs root to give files their owners; run scripts/test.sh as root");
        }
        assumeThat(root).isTrue();
    }
}
