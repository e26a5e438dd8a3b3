package org.iotgateway.check;

import org.iotgateway.config.MqttConfig;
import org.iotgateway.mqtt.PahoCodes;
import org.iotgateway.mqtt.ProtocolHint;
import org.iotgateway.mqtt.ReasonCode;
import org.iotgateway.mqtt.TlsErrors;

/**
 * Turns a failed connect into one check line with its fix: the protocol version (a 3.1.1-only
 * broker), TLS (the existing clear TLS errors), credentials, authorization, or the bare cause. Pure.
 */
final class ConnectDiagnosis {
    private ConnectDiagnosis() {
    }

    static CheckResult of(String subject, Throwable t, MqttConfig cfg) {
        String version = ProtocolHint.explain(t, cfg.version());
        if (version != null) {
            return CheckResult.fail(subject, "MQTT 5 connect failed: " + version, "set mqtt.version: 3.1.1");
        }
        String ca = cfg.tls() == null || cfg.tls().ca() == null ? null : cfg.tls().ca().toString();
        String tls = TlsErrors.explain(t, ca);
        if (tls != null) {
            return CheckResult.fail(subject, "TLS handshake failed: " + tls,
                    "check mqtt.tls (ca, cert, key) against the broker's certificate");
        }
        int code = PahoCodes.of(t);
        if (code == 0x86 || code == 0x87 || code == 0x8C || isV3(t) && (code == 4 || code == 5)) {
            // mosquitto 2.0 answers a wrong password with 0x87 under MQTT 5, 5 under 3.1.1.
            return CheckResult.fail(subject, "authentication failed (" + describeCode(code, t) + "): bad user name"
                    + " or password, or this user may not connect", "check mqtt.username and mqtt.password (or"
                    + " password-file), and that the broker lets this user connect");
        }
        if (code == 0x85 || code == 0x8A || isV3(t) && code == 2) {
            return CheckResult.fail(subject, "the broker refused the connection (" + describeCode(code, t) + ")",
                    "allow this client id to connect (the check connects as mqtt.client-id + \"-check\")");
        }
        return CheckResult.fail(subject, "cannot connect: " + cause(t), "is the broker running, and is mqtt.broker"
                + " right?");
    }

    private static boolean isV3(Throwable t) {
        return t instanceof org.eclipse.paho.client.mqttv3.MqttException;
    }

    private static String describeCode(int code, Throwable t) {
        return isV3(t) ? "CONNACK return code " + code : ReasonCode.describe(code);
    }

    static String cause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage() != null ? t.getMessage() : t)
                : t.getMessage() + " (" + root + ")";
    }
}
