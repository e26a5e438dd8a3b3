package org.iotgateway.cli;

import java.util.concurrent.Callable;
import org.iotgateway.util.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("iot-gateway " + Version.current());
        return 0;
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"iot-gateway " + Version.current()};
        }
    }
}
