package io.anomalyscore.storage;

/**
 * A parsed {@code s3://bucket/key} location.
 *
 * @param bucket bucket name
 * @param key object key or prefix, without leading or trailing slash (may be empty)
 */
public record S3Location(String bucket, String key) {

    /** Whether {@code location} is an S3 URI. */
    public static boolean isS3(String location) {
        return location != null && location.startsWith("s3://");
    }

    /** Parses {@code s3://bucket[/key]}. */
    public static S3Location parse(String location) {
        if (!isS3(location)) {
            throw new StorageException("not an s3:// location: " + location);
        }
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,62}")) {
            throw new StorageException("invalid bucket name in " + location);
        }
        return new S3Location(bucket, key);
    }

    /** The key of {@code name} below this prefix. */
    public String child(String name) {
        return key.isEmpty() ? name : key + "/" + name;
    }

    /** A location below this one. */
    public S3Location resolve(String name) {
        return new S3Location(bucket, child(name));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (key.isEmpty() ? "" : "/" + key);
    }
}
