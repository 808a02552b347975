import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Build step of target/anomaly-train.jar (pom.xml, after the shade step): appends the entries of another
 * jar that start with a prefix, copying their compressed bytes as they are. Used for libtorch
 * (pytorch-native-cpu's {@code pytorch/}, 446 MB uncompressed): inflating and deflating it again, as the
 * shade plugin would, took most of the jar step's time.
 *
 * <pre>java -cp commons-compress.jar src/build/AppendJarEntries.java TARGET.jar SOURCE.jar PREFIX</pre>
 */
public final class AppendJarEntries {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AppendJarEntries TARGET.jar SOURCE.jar PREFIX");
        }
        Path target = Path.of(args[0]);
        Path source = Path.of(args[1]);
        String prefix = args[2];
        Path merged = target.resolveSibling(target.getFileName() + ".tmp");
        Set<String> names = new HashSet<>();
        int added = 0;
        try (ZipFile from = ZipFile.builder().setPath(target).get();
                ZipFile extra = ZipFile.builder().setPath(source).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(merged)) {
            for (ZipArchiveEntry e : Collections.list(from.getEntriesInPhysicalOrder())) {
                names.add(e.getName());
                copyRaw(from, e, out);
            }
            for (ZipArchiveEntry e : Collections.list(extra.getEntriesInPhysicalOrder())) {
                if (e.getName().startsWith(prefix)) {
                    if (!names.add(e.getName())) {
                        throw new IllegalStateException(target + " already has " + e.getName());
                    }
                    copyRaw(extra, e, out);
                    added++;
                }
            }
        }
        if (added == 0) {
            throw new IllegalStateException("no entry under " + prefix + " in " + source);
        }
        Files.move(merged, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %d entries under %s appended from %s%n", target, added, prefix, source.getFileName());
    }

    private static void copyRaw(ZipFile zip, ZipArchiveEntry entry, ZipArchiveOutputStream out) throws IOException {
        try (InputStream raw = zip.getRawInputStream(entry)) {
            out.addRawArchiveEntry(new ZipArchiveEntry(entry), raw);
        }
    }
}
