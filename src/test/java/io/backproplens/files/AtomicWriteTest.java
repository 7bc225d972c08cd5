package io.backproplens.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "the teacher's lesson, 268 bytes in the issue".getBytes(StandardCharsets.UTF_8);

    /** A writer that fails after 4,096 bytes as a full disk does: the cut-off scene file. */
    private static AtomicWrite.Content diskFullAfter4k() {
        return out -> {
            out.write(new byte[4096]);
            out.flush();
            throw new IOException("No space left on device");
        };
    }

    @Test
    void writesTheNewContent() throws IOException {
        Path f = dir.resolve("w1.npy");
        Files.write(f, OLD);
        AtomicWrite.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(files()).containsExactly("w1.npy");
    }

    @Test
    void failureHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = Files.write(dir.resolve("lesson.json"), OLD);
        assertThatThrownBy(() -> AtomicWrite.write(f, diskFullAfter4k(), AtomicWrite.Backup.KEEP_PREVIOUS))
                .isInstanceOf(FileWriteException.class)
                .hasMessage("cannot write " + f + ": no space left on device")
                .satisfies(e -> assertThat(((FileWriteException) e).file()).isEqualTo(f));
        assertThat(Files.readAllBytes(f)).isEqualTo(OLD);
        assertThat(files()).containsExactly("lesson.json");
    }

    @Test
    void failureOnANewFileLeavesNothingBehind() {
        Path f = dir.resolve("x.npy");
        assertThatThrownBy(() -> AtomicWrite.write(f, diskFullAfter4k())).hasMessage("cannot write " + f + ": no space left on device");
        assertThat(files()).isEmpty();
    }

    @Test
    void aBugInTheWriterIsReportedTooAndCleanedUp() throws IOException {
        Path f = Files.write(dir.resolve("a.png"), OLD);
        AtomicWrite.Content bug = out -> {
            out.write(1);
            throw new IllegalStateException("Can't create an ImageOutputStream!");
        };
        assertThatThrownBy(() -> AtomicWrite.write(f, bug))
                .isInstanceOf(FileWriteException.class)
                .hasMessage("cannot write " + f + ": can't create an ImageOutputStream!");
        assertThat(Files.readAllBytes(f)).isEqualTo(OLD);
        assertThat(files()).containsExactly("a.png");
    }

    @Test
    void keepsThePreviousVersionAsBak() throws IOException {
        Path f = Files.write(dir.resolve("lesson.json"), OLD);
        AtomicWrite.write(f, "v2".getBytes(StandardCharsets.UTF_8), AtomicWrite.Backup.KEEP_PREVIOUS);
        assertThat(Files.readString(f)).isEqualTo("v2");
        assertThat(Files.readAllBytes(AtomicWrite.backupOf(f))).isEqualTo(OLD);
        AtomicWrite.write(f, "v3".getBytes(StandardCharsets.UTF_8), AtomicWrite.Backup.KEEP_PREVIOUS);
        assertThat(Files.readString(f)).isEqualTo("v3");
        assertThat(Files.readString(dir.resolve("lesson.json.bak"))).isEqualTo("v2");
        assertThat(files()).containsExactly("lesson.json", "lesson.json.bak");
    }

    @Test
    void firstSaveHasNoBakAndFailedSaveKeepsTheOldBak() throws IOException {
        Path f = dir.resolve("lesson.json");
        AtomicWrite.write(f, OLD, AtomicWrite.Backup.KEEP_PREVIOUS);
        assertThat(files()).containsExactly("lesson.json");
        AtomicWrite.write(f, "v2".getBytes(StandardCharsets.UTF_8), AtomicWrite.Backup.KEEP_PREVIOUS);
        assertThatThrownBy(() -> AtomicWrite.write(f, diskFullAfter4k(), AtomicWrite.Backup.KEEP_PREVIOUS))
                .isInstanceOf(FileWriteException.class);
        assertThat(Files.readString(f)).isEqualTo("v2");
        assertThat(Files.readAllBytes(AtomicWrite.backupOf(f))).isEqualTo(OLD);
    }

    @Test
    void folderOrMissingFolderIsNamed() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("shots"));
        assertThatThrownBy(() -> AtomicWrite.write(sub, OLD, AtomicWrite.Backup.NONE))
                .hasMessage("cannot write " + sub + ": it is a folder; give a file name");
        Path lost = dir.resolve("nowhere/x.npy");
        assertThatThrownBy(() -> AtomicWrite.write(lost, OLD, AtomicWrite.Backup.NONE))
                .hasMessage("cannot write " + lost + ": the folder " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void unwritableFolderSaysPermissionDenied() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path f = Files.write(ro.resolve("x.npy"), OLD);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
        try {
            // root ignores folder permissions: only meaningful for a normal user.
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root");
            assertThatThrownBy(() -> AtomicWrite.write(f, OLD, AtomicWrite.Backup.NONE))
                    .hasMessage("cannot write " + f + ": permission denied");
            assertThat(Files.readAllBytes(f)).isEqualTo(OLD);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void keepsTheFilesPermissions() throws IOException {
        Path f = Files.write(dir.resolve("shared.csv"), OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicWrite.write(f, out -> out.write('x'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    }

    /** ND4J's writeAsNumpy closes the stream it is given: the write must still complete. */
    @Test
    void writerThatClosesTheStreamItselfStillProducesTheWholeFile() throws IOException {
        Path f = dir.resolve("x.npy");
        AtomicWrite.write(f, out -> {
            out.write(new byte[200_000]);
            out.close();
        });
        assertThat(Files.size(f)).isEqualTo(200_000);
        assertThat(files()).containsExactly("x.npy");
    }

    private List<String> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
