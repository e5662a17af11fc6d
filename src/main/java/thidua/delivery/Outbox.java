package thidua.delivery;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import thidua.files.FileNames;
import thidua.files.SafeFiles;

/**
 * The recipients' outbox folders, {@code OUTBOX/<recipient key>/<period>/<file>}.
 * Version 1 of a file keeps the output's own name ({@code bang-diem-2024.xlsx}), later
 * versions get {@code .vN} before the extension ({@code bang-diem-2024.v2.xlsx}). A file
 * is copied with {@link SafeFiles#copy} (a hidden temporary name renamed into place,
 * readable like any file of this process, dated when delivered), never over an existing
 * file: nothing already in an outbox is ever overwritten.
 */
final class Outbox {
    private final Path root;

    Outbox(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The folder under the outbox root that holds the units' folders (their error reports). */
    static final String UNITS = "units";

    /** The key a unit's deliveries are recorded under, and its folder below the root: {@code units/<UNIT>}. */
    static String unitKey(String unitCode) {
        String part = FileNames.part(unitCode);
        return UNITS + "/" + (part.isEmpty() ? "_" : part);
    }

    /** The folder of one unit for one period: {@code OUTBOX/units/<UNIT>/<P>/}, both names made safe. */
    Path unitFolder(String unitCode, String periodCode) {
        String period = FileNames.part(periodCode);
        return root.resolve(unitKey(unitCode)).resolve(period.isEmpty() ? "_" : period);
    }

    /** The folder of one recipient for one period. */
    Path folder(String recipientKey, String periodCode) {
        // The key is checked when the configuration is read; the period is made a single name as for OUT/P/.
        return root.resolve(recipientKey).resolve(FileNames.segment(periodCode));
    }

    /** {@code name} for the given version: as it is for 1, {@code base.vN.ext} after. */
    static String versionedName(String name, int version) {
        if (version <= 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + ".v" + version : name.substring(0, dot) + ".v" + version + name.substring(dot);
    }

    /** Where a file ended up, and as which version. */
    record Placed(int version, Path path) {
    }

    /**
     * Puts a copy of {@code source} in {@code folder} as version {@code version}, or the
     * first later version whose name is free. A file already there under that name with
     * the same fingerprint (copied by a run that stopped before recording it) is taken
     * as the copy; one with other content is left alone and the next version is tried.
     */
    Placed place(Path source, String fingerprint, Path folder, int version) throws IOException {
        Files.createDirectories(folder);
        String name = source.getFileName().toString();
        for (int v = version; ; v++) {
            Path target = folder.resolve(versionedName(name, v));
            if (Files.exists(target)) {
                if (Files.isRegularFile(target) && Fingerprint.of(target).equals(fingerprint)) {
                    return new Placed(v, target);
                }
                continue;
            }
            try {
                SafeFiles.copy(source, target); // never over a file that appeared meanwhile
                return new Placed(v, target);
            } catch (FileAlreadyExistsException e) {
                v--; // look at what appeared under that name
            }
        }
    }
}
