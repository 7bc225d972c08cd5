package io.backproplens.cli;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Weights;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code record} end to end in its own JVM (it starts and stops the JavaFX toolkit), read back with other readers. */
class RecordCommandTest {

    private static void record(Path dir, String... args) throws Exception {
        String[] cmd = new String[5 + args.length];
        cmd[0] = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        cmd[1] = "-Xmx3g";
        cmd[2] = "-cp";
        cmd[3] = System.getProperty("java.class.path");
        cmd[4] = "io.backproplens.Main";
        System.arraycopy(args, 0, cmd, 5, args.length);
        Path log = dir.resolve("log-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("record finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void theBackwardSceneAsAGifHasOneFramePerStepOfThePass(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("backward.gif");
        record(dir, "record", "--scene", "backward", "--out", gif.toString(), "--width", "800", "--height", "600");

        // The reference: the notebook's model records one trace step per module call, forward and
        // backward; the animation shows the state before the pass and after each step.
        Model m = Model.notebook(Weights.init(Init.KAIMING, 3, 1, DataType.FLOAT), 0);
        m.call(new Tensor("x", Nd4j.zeros(DataType.FLOAT, 2, Weights.INPUTS)), new Tensor("y", Nd4j.zeros(DataType.FLOAT, 2)));
        m.backward();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertThat(r.getNumImages(true)).isEqualTo(m.trace().size() + 1);
            assertThat(r.getWidth(0)).isEqualTo(800);
            assertThat(r.getHeight(0)).isEqualTo(600);
        }
    }

    @Test
    void aRangeOfTheMatmulSceneAsAnMp4AndBadValuesRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("matmul.mp4");
        record(dir, "record", "--scene", "matmul", "--out", mp4.toString(), "--steps", "2..5", "--fps", "4",
                "--width", "800", "--height", "600");
        try (var ch = NIOUtils.readableChannel(mp4.toFile())) {
            var meta = MP4Demuxer.createMP4Demuxer(ch).getVideoTrack().getMeta();
            assertThat(meta.getTotalFrames()).isEqualTo(4);
            assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(800);
        }

        String[][] bad = {
                {"--scene", "nope", "--out", dir.resolve("a.gif").toString()},
                {"--scene", "backward", "--out", dir.resolve("a.gif").toString(), "--fps", "0"},
                {"--scene", "backward", "--out", dir.resolve("no/such/folder/a.gif").toString()},
                {"--scene", "backward", "--out", dir.resolve("a.avi").toString()},
                {"--scene", "backward", "--out", dir.resolve("a.gif").toString(), "--width", "100000"},
                {"--scene", "backward", "--out", dir.resolve("a.gif").toString(), "--steps", "5..2"},
        };
        String[] expected = {"unknown scene 'nope'", "--fps must be from 1 to 30", "does not exist or cannot be written",
                "must end in .gif, .mp4 or .png", "--width must be from 640 to 7680", "--steps A..B needs A <= B"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 1];
            args[0] = "record";
            System.arraycopy(bad[i], 0, args, 1, bad[i].length);
            CliRunner.Run r = CliRunner.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().toList()).hasSize(1);
            assertThat(r.err()).contains(expected[i]);
        }
    }
}
