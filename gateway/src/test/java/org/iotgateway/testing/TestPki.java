package org.iotgateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates and keys made with the real {@code openssl} command, as an operator would: CAs,
 * broker certificates (valid, for the wrong host, expired) and client keys in every PEM form cloud
 * providers hand out. Everything lives in one directory; names are file names in it.
 */
public final class TestPki {
    private final Path dir;

    public TestPki(Path dir) {
        this.dir = dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** A self-signed RSA CA: {@code name.pem} and {@code name.key}. */
    public Path ca(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=" + name,
                "-keyout", name + ".key", "-out", name + ".pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return file(name + ".pem");
    }

    /**
     * A certificate signed by {@code ca} for {@code san} (e.g. "IP:127.0.0.1,DNS:localhost").
     *
     * @param keyCmd the key: "rsa" (PKCS#1 RSA), "rsa8" (PKCS#8 RSA), "ec" (SEC1 EC), "ec8" (PKCS#8 EC)
     * @param validity "now" (valid 30 days) or "expired" (valid in 2020 only)
     */
    public Path cert(String name, String ca, String cn, String san, String keyCmd, String validity) throws Exception {
        switch (keyCmd) {
            case "rsa" -> openssl("genrsa", "-traditional", "-out", name + ".key", "2048");
            case "rsa8" -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name + ".key");
            case "ec" -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name + ".key");
            case "ec8" -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
            default -> throw new IllegalArgumentException(keyCmd);
        }
        openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + cn, "-out", name + ".csr");
        Files.writeString(file(name + ".ext"), "subjectAltName=" + san + "\nbasicConstraints=CA:FALSE\n");
        if (validity.equals("expired")) {
            signExpired(name, ca);
        } else {
            openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                    "-days", "30", "-extfile", name + ".ext", "-out", name + ".pem");
        }
        return file(name + ".pem");
    }

    /** An encrypted PKCS#8 copy of a key: {@code name.enc.key}, AES-256 under {@code passphrase}. */
    public Path encrypt(String name, String passphrase) throws Exception {
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", name + ".key", "-out", name + ".enc.key",
                "-passout", "pass:" + passphrase);
        return file(name + ".enc.key");
    }

    /** `openssl x509 -req` cannot back-date; `openssl ca` can (-startdate/-enddate). */
    private void signExpired(String name, String ca) throws Exception {
        Path db = file(ca + ".db");
        if (!Files.exists(db)) {
            Files.createFile(db);
        }
        Files.writeString(file(name + ".cnf"), """
                [ca]
                default_ca = test
                [test]
                database = %s
                new_certs_dir = %s
                serial = %s
                default_md = sha256
                policy = any
                copy_extensions = none
                unique_subject = no
                [any]
                commonName = supplied
                """.formatted(db, dir, file(ca + ".caserial")));
        if (!Files.exists(file(ca + ".caserial"))) {
            Files.writeString(file(ca + ".caserial"), "1000\n");
        }
        openssl("ca", "-batch", "-config", name + ".cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key",
                "-in", name + ".csr", "-out", name + ".pem", "-startdate", "20200101000000Z",
                "-enddate", "20200201000000Z", "-extfile", name + ".ext", "-notext");
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
