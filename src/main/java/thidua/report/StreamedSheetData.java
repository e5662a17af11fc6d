package thidua.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * SXSSF's writer of a sheet's rows to its temporary file, with a buffer that takes one
 * character at a time without a lock: POI escapes every string character by character
 * into a {@link java.io.BufferedWriter}, whose every write takes its lock; at a million
 * cells that was most of the time of saving. The characters written are the same (UTF-8,
 * as POI's own writer; a pair of surrogates split over two buffers is joined by the
 * encoder underneath).
 */
final class StreamedSheetData extends SheetDataWriter {

    StreamedSheetData() throws IOException {
        super();
    }

    @Override
    public Writer createWriter(File fd) throws IOException {
        FileOutputStream out = new FileOutputStream(fd);
        try {
            return new Unlocked(new OutputStreamWriter(decorateOutputStream(out), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static final class Unlocked extends Writer {
        private final Writer out;
        private final char[] buffer = new char[1 << 16];
        private int used;

        Unlocked(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (char) c;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            if (len > buffer.length - used) {
                drain();
                if (len > buffer.length) {
                    out.write(chars, off, len);
                    return;
                }
            }
            System.arraycopy(chars, off, buffer, used, len);
            used += len;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (len > buffer.length - used) {
                drain();
                if (len > buffer.length) {
                    out.write(s, off, len);
                    return;
                }
            }
            s.getChars(off, off + len, buffer, used);
            used += len;
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }
}
