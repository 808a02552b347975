package io.anomalyscore.model;

/**
 * One file of an artifact besides the manifest, as the manifest lists it.
 *
 * @param file file name inside the artifact folder
 * @param role what it holds: {@code parameters} (DJL {@code .params} tensors), {@code data}
 *     (JSON the detector reads) or {@code report} (for people; never read by the detector)
 * @param sha256 lower-case hex sha256 of the file's bytes
 */
public record Component(String file, String role, String sha256) {

    /** The roles a component may have; none of them is code. */
    public static final java.util.Set<String> ROLES = java.util.Set.of("parameters", "data", "report");
}
