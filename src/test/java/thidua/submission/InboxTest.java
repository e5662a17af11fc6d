package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inbox offers for import: settled submissions, oldest first; never a file still being copied in. */
class InboxTest {
    @TempDir
    Path root;

    @Test
    void aFileStillGrowingIsLeftForTheNextScanWhileSettledFilesAreTakenOldestFirst() throws Exception {
        Path dir = Files.createDirectories(root.resolve("inbox"));
        Path older = Files.writeString(dir.resolve("b.xlsx"), "b");
        Path newer = Files.writeString(dir.resolve("a.xlsx"), "a");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2024-12-16T02:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2024-12-17T02:00:00Z")));
        Path growing = Files.writeString(dir.resolve("c.xlsx"), "part");
        Path quiet = Files.writeString(dir.resolve("d.xlsx"), "just copied, complete");
        Files.writeString(dir.resolve("~$c.xlsx"), "Excel lock file");
        Files.writeString(dir.resolve(".hidden"), "not a submission");

        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(150);
                Files.writeString(growing, " and more", StandardOpenOption.APPEND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        var ready = Inbox.beside(dir).readyFiles(Duration.ofMillis(600));
        writer.join();

        assertThat(ready).extracting(p -> p.getFileName().toString()).containsExactly("b.xlsx", "a.xlsx", "d.xlsx");
        assertThat(Inbox.beside(dir).archive()).isEqualTo(root.resolve("archive"));
        assertThat(Inbox.beside(dir).rejected()).isEqualTo(root.resolve("rejected"));
    }

    @Test
    void aLinkIsNeverOpenedThroughEvenWhenSwappedInAfterTheScan() throws Exception {
        Path secret = Files.writeString(root.resolve("SECRET.txt"), "password=hunter2");
        Path dir = Files.createDirectories(root.resolve("inbox"));
        Path link = Files.createSymbolicLink(dir.resolve("evil.xlsx"), secret);

        assertThat(Inbox.beside(dir).files()).isEmpty();
        assertThatThrownBy(() -> InboxFile.of(link, 1000)).isInstanceOf(InboxFile.NotARegularFileException.class)
                .hasMessageContaining("evil.xlsx");
        var aside = Inbox.beside(dir).setAsideNotFiles();
        assertThat(aside).singleElement().satisfies(n -> {
            assertThat(n.originalName()).isEqualTo("evil.xlsx");
            assertThat(Files.readSymbolicLink(n.movedTo())).isEqualTo(secret);
            assertThat(n.movedTo().getParent()).isEqualTo(root.resolve("rejected").resolve("not-files"));
        });
        assertThat(secret).hasContent("password=hunter2");
    }

    @Test
    void aFileOverTheCapIsHashedOverItsFirstBytesAndItsSizeOnly() throws Exception {
        Path dir = Files.createDirectories(root.resolve("inbox"));
        Path a = Files.writeString(dir.resolve("a.xlsx"), "0123456789-tail-one");
        Path b = Files.writeString(dir.resolve("b.xlsx"), "0123456789-tail-two");
        assertThat(InboxFile.of(a, 10).sha256()).isEqualTo(InboxFile.of(b, 10).sha256()).isEqualTo(InboxFile.hash(a, 10));
        assertThat(InboxFile.of(a, 1000).sha256()).isNotEqualTo(InboxFile.of(b, 1000).sha256())
                .isEqualTo(thidua.files.Sha256.of(a));
    }
}
