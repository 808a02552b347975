package io.anomalyscore.storage;

import java.util.regex.Pattern;

/** Validates version names read from {@code LATEST}, so a pointer cannot escape its repository. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Versions() {}

    static String check(String version, String where) {
        String v = version.strip();
        if (!VERSION.matcher(v).matches() || v.contains("..")) {
            throw new StorageException(where + " names an invalid version: '"
                    + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
        }
        return v;
    }
}
