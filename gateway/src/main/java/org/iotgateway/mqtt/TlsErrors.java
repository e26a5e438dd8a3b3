package org.iotgateway.mqtt;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Turns a failed TLS connect into a sentence an operator can act on: which side's certificate is
 * wrong and how. Returns null when the failure is not a TLS one. Any thread.
 */
public final class TlsErrors {
    private TlsErrors() {
    }

    public static String explain(Throwable failure, String ca) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String msg = t.getMessage() == null ? "" : t.getMessage();
            String lower = msg.toLowerCase(Locale.ROOT);
            if (t instanceof CertificateExpiredException) {
                return "TLS: the broker's certificate has expired (" + msg + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "TLS: the broker's certificate is not valid yet (" + msg + "); is this device's clock right?";
            }
            if (t instanceof CertPathValidatorException v && v.getReason() != null
                    && "EXPIRED".equals(v.getReason().toString())) {
                return "TLS: the broker's certificate has expired (" + msg + ")";
            }
            if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
                return "TLS: the broker's certificate does not name the host we connected to (hostname mismatch: "
                        + msg + ")";
            }
            if (lower.contains("pkix path building failed") || lower.contains("unable to find valid certification path")) {
                return "TLS: the broker's certificate is not signed by a trusted CA ("
                        + (ca == null ? "system trust store" : "mqtt.tls.ca " + ca) + ")";
            }
            if (lower.contains("certificate_required") || lower.contains("bad_certificate")
                    || lower.contains("unknown_ca")) {
                return "TLS: the broker refused our client certificate (" + msg
                        + "); check mqtt.tls.cert/key and that the broker trusts their CA";
            }
        }
        return null;
    }
}
