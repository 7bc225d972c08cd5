package io.backproplens.files;

import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The animation files read back with other readers: the asked size, one frame per step, looping. */
class AnimationTest {

    private static List<BufferedImage> frames(int n, int w, int h) {
        List<BufferedImage> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.getHSBColor(i / (float) n, 0.8f, 0.8f));
            g.fillRect(i * 10, 10, 40, 40);  // something moves from frame to frame
            g.dispose();
            f.add(img);
        }
        return f;
    }

    @Test
    void aGifHasTheSizeAndOneFramePerStepAndLoops(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("steps.gif");
        Animation.write(frames(7, 320, 180), 2, gif);

        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertThat(r.getNumImages(true)).isEqualTo(7);
            assertThat(r.getWidth(0)).isEqualTo(320);
            assertThat(r.getHeight(0)).isEqualTo(180);
            String tree = metadataText(r.getImageMetadata(0));
            assertThat(tree).contains("NETSCAPE").contains("delayTime=\"50\"");
        }
    }

    @Test
    void anMp4HasOneFramePerStep(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("steps.mp4");
        Animation.write(frames(6, 320, 180), 3, mp4);

        try (var ch = NIOUtils.readableChannel(mp4.toFile())) {
            MP4Demuxer d = MP4Demuxer.createMP4Demuxer(ch);
            var track = d.getVideoTrack();
            assertThat(track.getMeta().getTotalFrames()).isEqualTo(6);
            assertThat(track.getMeta().getVideoCodecMeta().getSize().getWidth()).isEqualTo(320);
        }
    }

    @Test
    void numberedPngsAndBadNames(@TempDir Path dir) throws Exception {
        List<Path> files = Animation.write(frames(3, 100, 60), 1, dir.resolve("step.png"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("step-001.png", "step-002.png", "step-003.png");
        assertThat(ImageIO.read(files.get(2).toFile()).getWidth()).isEqualTo(100);
        assertThatThrownBy(() -> Animation.formatOf(dir.resolve("x.avi"))).hasMessageEndingWith("must end in .gif, .mp4 or .png (numbered PNGs)");
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("."))).as("no temporary file left").isEmpty();
        }
    }

    private static String metadataText(javax.imageio.metadata.IIOMetadata m) {
        StringBuilder b = new StringBuilder();
        walk(m.getAsTree(m.getNativeMetadataFormatName()), b);
        return b.toString();
    }

    private static void walk(org.w3c.dom.Node n, StringBuilder b) {
        b.append('<').append(n.getNodeName());
        var attrs = n.getAttributes();
        for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
            b.append(' ').append(attrs.item(i).getNodeName()).append("=\"").append(attrs.item(i).getNodeValue()).append('"');
        }
        b.append('>');
        if (n instanceof javax.imageio.metadata.IIOMetadataNode m && m.getUserObject() instanceof byte[]) b.append("[bytes]");
        for (var c = n.getFirstChild(); c != null; c = c.getNextSibling()) walk(c, b);
    }
}
