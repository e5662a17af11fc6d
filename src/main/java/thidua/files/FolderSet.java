package thidua.files;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder whose files are replaced as one set (the outputs {@code OUT/P/} of a
 * consolidation): a reader sees the previous complete set or the new complete one, never
 * a mix.
 * <ol>
 * <li>the new set is written into a hidden version folder beside it,
 * {@code .<name>.<token>} ({@link #newVersion});</li>
 * <li>{@code <name>} is a symbolic link to its current version, replaced in one step: a
 * new link {@code .<name>.<token>-link} renamed over it ({@link #switchTo});</li>
 * <li>then the previous version is removed.</li>
 * </ol>
 * A process killed at any moment leaves the old link (old set) or the new one (new set),
 * plus hidden leftovers that the next {@link #newVersion} removes. A {@code <name>} that
 * is still a plain folder (written before this scheme) is moved to a version folder
 * first: for that one switch a reader may find no folder, never a mixed one.
 */
public final class FolderSet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LINK = "-link";

    private FolderSet() {
    }

    /**
     * The folder holding the current set of {@code folder}: itself when it is a plain
     * folder, the version folder when it is a link to one of its own versions; empty when
     * missing or a link to anything else (never followed).
     */
    public static Optional<Path> current(Path folder) {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(folder);
        }
        if (!Files.isSymbolicLink(folder)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(folder);
            if (target.getNameCount() != 1 || !isVersionName(folder.getFileName().toString(), target.toString())) {
                return Optional.empty();
            }
            Path version = folder.resolveSibling(target);
            return Files.isDirectory(version, LinkOption.NOFOLLOW_LINKS) ? Optional.of(version) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True for the hidden name of a version of {@code name}, or of its link being switched in. */
    public static boolean isHiddenPart(String name, String entry) {
        return isVersionName(name, entry) || isLinkName(name, entry);
    }

    /**
     * A new empty version folder for {@code folder}, after removing what an interrupted
     * run left (versions that are not current, links not switched in).
     */
    public static Path newVersion(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        removeLeftovers(abs);
        Path version = abs.resolveSibling("." + abs.getFileName() + "." + token());
        Files.createDirectory(version);
        return version;
    }

    /**
     * Makes {@code version} the current set of {@code folder} in one step and removes the
     * previous version.
     */
    public static void switchTo(Path folder, Path version) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        Optional<Path> previous = current(abs);
        if (previous.isPresent() && previous.get().equals(abs)) {
            // A plain folder from before: becomes a version folder, so that the link can take its name.
            Path moved = abs.resolveSibling("." + name + "." + token());
            Files.move(abs, moved, StandardCopyOption.ATOMIC_MOVE);
            previous = Optional.of(moved);
        }
        Path link = abs.resolveSibling(version.getFileName() + LINK);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, version.getFileName()); // relative: the whole OUT folder can be moved
        try {
            Files.move(link, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(link);
        }
        SafeFiles.syncFolder(abs);
        if (previous.isPresent() && !previous.get().equals(version)) {
            deleteTree(previous.get());
        }
    }

    /** Removes a version that will not be switched in (its writing failed); never the current set of {@code folder}. */
    public static void discard(Path folder, Path version) {
        try {
            if (!current(folder.toAbsolutePath().normalize()).map(version::equals).orElse(false)) {
                deleteTree(version);
            }
        } catch (IOException e) {
            // The next newVersion removes it.
        }
    }

    /** Removes the hidden versions and links of {@code folder} that are not its current set; returns how many. */
    public static int removeLeftovers(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        Optional<Path> current = current(abs);
        List<Path> left;
        try (Stream<Path> entries = Files.list(abs.getParent())) {
            left = entries.filter(p -> isHiddenPart(name, p.getFileName().toString()))
                    .filter(p -> current.isEmpty() || !p.equals(current.get())).toList();
        }
        for (Path p : left) {
            deleteTree(p);
        }
        if (current.isPresent() && current.get().equals(abs)) {
            // A plain folder from before: the temporary files a killed SafeFiles write left in it.
            try (Stream<Path> files = Files.list(abs)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".")
                        && f.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return left.size();
    }

    private static boolean isVersionName(String name, String entry) {
        String prefix = "." + name + ".";
        return entry.startsWith(prefix) && entry.substring(prefix.length()).matches("[0-9a-z]{6,}");
    }

    private static boolean isLinkName(String name, String entry) {
        return entry.endsWith(LINK) && isVersionName(name, entry.substring(0, entry.length() - LINK.length()));
    }

    private static String token() {
        return Long.toUnsignedString(RANDOM.nextLong() >>> 1 | 1L << 40, 36);
    }

    /** Deletes a folder and what is in it, links as links (never followed). */
    private static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(top);
            return;
        }
        try (Stream<Path> all = Files.walk(top)) { // walk does not follow links by default
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                    // Removed meanwhile, or written into by a reader: left for the next run.
                }
            }
        }
    }
}
