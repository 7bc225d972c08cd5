package io.backproplens.files;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Frames written as an animation a teacher drops into a slide deck, chosen by the file's extension:
 * a looping GIF (the JDK's own writer), an MP4 (jcodec's pure-Java H.264), or numbered PNGs
 * ({@code name-001.png}, ...). Each file is written whole or not at all ({@link AtomicWrite}).
 */
public final class Animation {
    public enum Format { GIF, MP4, PNG }

    private Animation() {}

    /** The format a file name asks for, or an exception saying which ones exist. */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gif")) return Format.GIF;
        if (name.endsWith(".mp4")) return Format.MP4;
        if (name.endsWith(".png")) return Format.PNG;
        throw new IllegalArgumentException(file + ": the name must end in .gif, .mp4 or .png (numbered PNGs)");
    }

    /** Writes the frames at {@code fps} frames per second; returns the files written. */
    public static List<Path> write(List<BufferedImage> frames, int fps, Path file) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("no frames to write");
        return switch (formatOf(file)) {
            case GIF -> { AtomicWrite.write(file, out -> gif(frames, fps, out)); yield List.of(file); }
            case MP4 -> { mp4(frames, fps, file); yield List.of(file); }
            case PNG -> pngs(frames, file);
        };
    }

    private static void gif(List<BufferedImage> frames, int fps, java.io.OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage f : frames) {
                BufferedImage rgb = rgb(f);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
                loopAndDelay(meta, Math.max(1, Math.round(100f / fps)));
                writer.writeToSequence(new IIOImage(rgb, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** GIF's per-frame delay (hundredths of a second) and the NETSCAPE block that makes it loop forever. */
    private static void loopAndDelay(IIOMetadata meta, int delayCs) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
        app.setAttribute("applicationID", "NETSCAPE");
        app.setAttribute("authenticationCode", "2.0");
        app.setUserObject(new byte[]{1, 0, 0});  // loop count 0: for ever
        child(root, "ApplicationExtensions").appendChild(app);
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** H.264 wants even sides: an odd width or height loses its last pixel column or row. */
    private static void mp4(List<BufferedImage> frames, int fps, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        try {
            try (SeekableByteChannel ch = NIOUtils.writableChannel(tmp.toFile())) {
                AWTSequenceEncoder enc = new AWTSequenceEncoder(ch, Rational.R(fps, 1));
                for (BufferedImage f : frames) enc.encodeImage(even(rgb(f)));
                enc.finish();
            }
            byte[] bytes = Files.readAllBytes(tmp);
            AtomicWrite.write(file, bytes, AtomicWrite.Backup.NONE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<Path> pngs(List<BufferedImage> frames, Path file) throws IOException {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".png".length());
        List<Path> written = new ArrayList<>();
        int digits = Math.max(3, Integer.toString(frames.size()).length());
        for (int i = 0; i < frames.size(); i++) {
            Path f = file.resolveSibling(String.format(Locale.ROOT, "%s-%0" + digits + "d.png", stem, i + 1));
            BufferedImage img = frames.get(i);
            AtomicWrite.write(f, out -> ImageIO.write(img, "png", out));
            written.add(f);
        }
        return written;
    }

    private static BufferedImage rgb(BufferedImage f) {
        if (f.getType() == BufferedImage.TYPE_INT_RGB) return f;
        BufferedImage rgb = new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(f, 0, 0, null);
        return rgb;
    }

    private static BufferedImage even(BufferedImage f) {
        int w = f.getWidth() & ~1, h = f.getHeight() & ~1;
        return w == f.getWidth() && h == f.getHeight() ? f : f.getSubimage(0, 0, w, h);
    }
}
