package org.iotgateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.Callable;
import org.iotgateway.remote.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes an Ed25519 key pair for signing configs: NAME.key (private, mode 0600: it signs configs, "
                + "keep it off the gateways) and NAME.pub (goes into remote-config.trusted-keys on each gateway). "
                + "Prints the key id. Refuses to overwrite a file.",
                "Exit status 0 when written, 2 when a file exists or cannot be written."})
final class KeygenCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "NAME", description = "writes NAME.key and NAME.pub")
    Path out;

    @Override
    public Integer call() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path priv = Path.of(out + ".key");
        Path pub = Path.of(out + ".pub");
        String publicPem = KeyFiles.pem("PUBLIC KEY", pair.getPublic().getEncoded());
        try {
            if (Files.exists(pub)) {
                throw new FileAlreadyExistsException(pub.toString());
            }
            // The private key file carries the public key too: sign and push need its id.
            Files.write(Files.createFile(priv, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), (KeyFiles.pem("PRIVATE KEY",
                    pair.getPrivate().getEncoded()) + publicPem).getBytes(StandardCharsets.US_ASCII));
            Files.writeString(pub, publicPem, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            System.err.println("iot-gateway config keygen: " + e.getFile() + " exists; not overwritten");
            return Main.EXIT_CONFIG;
        } catch (IOException e) {
            System.err.println("iot-gateway config keygen: cannot write " + out + ".*: " + e);
            return Main.EXIT_CONFIG;
        }
        System.out.println("key " + KeyFiles.keyId(pair.getPublic()) + ": " + priv + " signs configs (keep it secret), "
                + pub + " goes into remote-config.trusted-keys");
        return 0;
    }
}
