package io.backproplens.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either the complete new content or untouched: the bytes go to a
 * temporary file in the same folder, are flushed to the disk, and only then is the temporary file
 * renamed over the target (a rename within one folder is atomic). A full disk or a writer that
 * fails part-way therefore leaves the previous file as it was and no temporary file behind, and
 * the {@link FileWriteException} names the file and the reason.
 *
 * <p>Writing a file in place (what {@code Files.write} or {@code ImageIO.write(img, fmt, file)}
 * do) truncates it first: on a full disk the old content is gone before the new is written.
 */
public final class AtomicWrite {

    /**
     * What to write. The stream is buffered; a writer may close it (ND4J's {@code writeAsNumpy}
     * does), which only flushes: the file is finished and closed by {@link AtomicWrite}.
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Whether the previous version is kept beside the new one as {@code NAME.bak}. */
    public enum Backup { NONE, KEEP_PREVIOUS }

    private static final String BAK = ".bak";

    private AtomicWrite() {}

    /**
     * Refuses, before any work is spent on the content, a target that cannot be written: not a
     * file name, a folder, a folder that does not exist, or one this user cannot write to.
     *
     * @return the target's folder
     * @throws FileWriteException saying which
     */
    public static Path checkWritable(Path target) throws FileWriteException {
        Path folder = checkTarget(target);
        if (!Files.isWritable(folder)) throw new FileWriteException(target, "the folder " + folder + " cannot be written", null);
        return folder;
    }

    private static Path checkTarget(Path target) throws FileWriteException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new FileWriteException(target, "that is not a file name", null);
        }
        if (Files.isDirectory(file)) {
            throw new FileWriteException(target, "it is a folder; give a file name", null);
        }
        if (!Files.isDirectory(folder)) {
            throw new FileWriteException(target, "the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist"), null);
        }
        return folder;
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, Backup.NONE);
    }

    public static void write(Path target, byte[] bytes, Backup backup) throws IOException {
        write(target, out -> out.write(bytes), backup);
    }

    /**
     * Writes {@code content} to {@code target}; with {@link Backup#KEEP_PREVIOUS} an existing
     * target is first copied to {@code target.bak} (replacing an older one).
     *
     * @throws FileWriteException when the file cannot be written; {@code target} is then unchanged
     */
    public static void write(Path target, Content content, Backup backup) throws IOException {
        Path file = target.toAbsolutePath();
        Path folder = checkTarget(target);
        Path temp = null;
        try {
            temp = createTemp(folder, file.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(new CloseShield(out));
                out.flush();
                channel.force(true); // on the disk before the rename makes it the file
            }
            keepPermissions(file, temp);
            if (backup == Backup.KEEP_PREVIOUS && Files.isRegularFile(file)) {
                backUp(file, folder);
            }
            moveIntoPlace(temp, file);
            temp = null;
            syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof FileWriteException fwe) throw fwe;
            throw new FileWriteException(target, reason(e), e);
        }
    }

    /** Keeps a writer's close() from closing the channel before it is forced to the disk. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream's own version writes byte by byte
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** {@code target.bak}: where {@link Backup#KEEP_PREVIOUS} keeps the version before the last write. */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + BAK);
    }

    /** A new, empty, hidden file beside the target, with the folder's default permissions. */
    private static Path createTemp(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
    }

    /** A file the user made read-only for others stays so after it is rewritten. */
    private static void keepPermissions(Path file, Path temp) {
        PosixFileAttributeView from = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from == null || to == null || !Files.exists(file)) return;
        try {
            to.setPermissions(from.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the folder's defaults are a fine fallback.
        }
    }

    /** The copy is written under a temporary name too, so a .bak is never half a file either. */
    private static void backUp(Path file, Path folder) throws IOException {
        Path bak = backupOf(file);
        Path temp = createTemp(folder, bak.getFileName().toString());
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            moveIntoPlace(temp, bak);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable (Linux); elsewhere a folder cannot be opened, and that is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported on this system: the data itself is already on the disk.
        }
    }

    /** The cause in plain, lower-case words: "no space left on device", "permission denied". */
    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "the folder disappeared while writing";
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        m = m.lines().findFirst().orElse(m).strip();
        return m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    }
}
