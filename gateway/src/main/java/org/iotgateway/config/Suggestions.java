package org.iotgateway.config;

import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the closest candidate by Damerau-Levenshtein
 * (optimal string alignment) distance, compared case-insensitively and with '_' read as '-',
 * so {@code clientId}, {@code client_id} and {@code clinet-id} all lead to {@code client-id}. Pure.
 */
final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The closest candidate within distance 2 (and closer than the word's own length), if any. */
    static Optional<String> closest(String word, Iterable<String> candidates) {
        if (word.length() > 64) {
            return Optional.empty(); // a pasted blob is no typo; don't spend memory on it
        }
        String w = normalize(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, normalize(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_DISTANCE && bestDistance < w.length() ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or {@code "; valid: a, b, c"}. */
    static String hint(String word, Iterable<String> candidates, String validLabel) {
        return closest(word, candidates)
                .map(c -> "; did you mean '" + c + "'?")
                .orElseGet(() -> "; " + validLabel + ": " + String.join(", ", candidates));
    }

    private static String normalize(String s) {
        // camelCase to kebab first, so keepAlive and keep-alive are the same word.
        return s.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
