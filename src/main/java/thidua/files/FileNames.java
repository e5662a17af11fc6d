package thidua.files;

import java.nio.file.Path;
import java.text.Normalizer;

/**
 * Names made from data (a period code, a unit code a file names) that become one folder
 * name under a root or one part of a generated file name: never a way out of it.
 */
public final class FileNames {
    /** The longest {@link #part}: a code a hostile file names can be as long as a cell holds. */
    static final int MAX_PART = 40;

    private FileNames() {
    }

    /**
     * {@code name} as a single folder or file name: its last path segment, so that
     * {@code root.resolve(segment(name))} stays directly under {@code root} (the period
     * folders {@code OUT/P/} and {@code OUTBOX/<recipient>/P/}); {@code .}, {@code ..} and an
     * empty name become {@code _}.
     */
    public static String segment(String name) {
        Path last = Path.of(name).getFileName();
        String segment = last == null ? "" : last.toString();
        // "." and ".." are path steps, not names: OUT/.. would be the folder above OUT.
        return segment.isEmpty() || segment.equals(".") || segment.equals("..") ? "_" : segment;
    }

    /**
     * A code (unit, period) as read from a workbook, made one piece of a generated name or
     * one folder name: diacritics dropped ({@code Đ} as {@code D}), every character other
     * than {@code A-Z a-z 0-9 . _ -} made {@code _}, no leading dot or dash (never hidden,
     * never {@code ..}, never an option), at most {@value #MAX_PART} characters. Empty when nothing readable is left
     * (null, blank, only dots or underscores): the caller then names the file without it.
     */
    public static String part(String code) {
        if (code == null) {
            return "";
        }
        String plain = Normalizer.normalize(code.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('Đ', 'D').replace('đ', 'd');
        String safe = plain.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
        if (safe.length() > MAX_PART) {
            safe = safe.substring(0, MAX_PART);
        }
        safe = safe.replaceAll("[._-]+$", "");
        return safe.chars().anyMatch(Character::isLetterOrDigit) ? safe : "";
    }
}
