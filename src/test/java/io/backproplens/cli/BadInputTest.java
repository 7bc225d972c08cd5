package io.backproplens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input ends with one line on stderr naming the file or argument, exit 2, no trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRunner.Run r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines()[0]).contains(mentions).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void missingDataFile() {
        Path p = dir.resolve("nowhere/mnist.pkl.gz");
        assertOneLine(CliRunner.run("report", "--data", p.toString()), p.toString(), "not found");
    }

    @Test
    void emptyDataFile() throws IOException {
        Path p = Files.createFile(dir.resolve("mnist.pkl.gz"));
        assertOneLine(CliRunner.run("report", "--data", p.toString()), p.toString(), "empty");
    }

    @Test
    void truncatedDataFile() throws IOException {
        Path full = CliRunner.samplePickle(dir);
        byte[] b = Files.readAllBytes(full);
        Path p = Files.write(dir.resolve("truncated.pkl.gz"), Arrays.copyOf(b, b.length / 3));
        assertOneLine(CliRunner.run("gradcheck", "--data", p.toString()), p.toString());
    }

    @Test
    void corruptDataFile() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Path p = Files.write(dir.resolve("corrupt.pkl.gz"), junk);
        assertOneLine(CliRunner.run("export", "--out", dir.resolve("o").toString(), "--data", p.toString()), p.toString());
    }

    @Test
    void pickleThatIsNotTheMnistTriple() throws IOException {
        byte[] emptyDict = {(byte) 0x80, 2, '}', 'q', 0, '.'};  // pickle.dumps({}, protocol=2)
        Path p = Files.write(dir.resolve("dict.pkl.gz"), gzip(emptyDict));
        assertOneLine(CliRunner.run("report", "--data", p.toString()), p.toString(), "MNIST triple");
    }

    @Test
    void wrongIdxMagicNumber() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        byte[] header = ByteBuffer.allocate(16).putInt(0x0801).putInt(1).putInt(28).putInt(28).array();
        for (String f : new String[]{"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.write(idx.resolve(f), header);
        }
        assertOneLine(CliRunner.run("report", "--data", idx.toString()), "train-images-idx3-ubyte", "magic");
    }

    @Test
    void idxHeaderThatPromisesMoreThanTheFileHolds() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        // 60,000 images promised, 16 bytes of header only: refused before allocating anything.
        byte[] images = ByteBuffer.allocate(16).putInt(0x0803).putInt(60000).putInt(28).putInt(28).array();
        byte[] labels = ByteBuffer.allocate(8).putInt(0x0801).putInt(60000).array();
        Files.write(idx.resolve("train-images-idx3-ubyte"), images);
        Files.write(idx.resolve("train-labels-idx1-ubyte"), labels);
        Files.write(idx.resolve("t10k-images-idx3-ubyte"), images);
        Files.write(idx.resolve("t10k-labels-idx1-ubyte"), labels);
        assertOneLine(CliRunner.run("report", "--data", idx.toString()), "train-images-idx3-ubyte");
    }

    @Test
    void malformedMatrix() {
        assertOneLine(CliRunner.run("triples", "--a", "1,2;3,x"), "--a", "row 1, column 1", "'x' is not a number");
        assertOneLine(CliRunner.run("triples", "--b", "1,2;3"), "--b", "row 1 has 1 values but row 0 has 2");
        assertOneLine(CliRunner.run("triples", "--a", ""), "--a", "empty");
        // Found by MatricesFuzzTest: a line break inside a cell was echoed and split the message.
        assertOneLine(CliRunner.run("triples", "--a", "1 \n 2;3,4"), "--a: row 0, column 0: '1 \\u000a 2' is not a number");
        assertOneLine(CliRunner.run("triples", "--a", "y".repeat(5000)), "'" + "y".repeat(30) + "...' is not a number");
    }

    @Test
    void innerDimensionsThatDoNotMatch() {
        assertOneLine(CliRunner.run("triples", "--a", "1,2;3,4"), "--a is 2x2", "--b is 3x2");
    }

    @Test
    void zeroHiddenUnits() {
        assertOneLine(CliRunner.run("report", "--nh", "0"), "--nh", "got 0");
        assertOneLine(CliRunner.run("gradcheck", "--nh", "0"), "--nh");
    }

    @Test
    void unknownInitAndUnparsableNumbers() {
        assertOneLine(CliRunner.run("report", "--init", "he"), "--init", "'he'");
        assertOneLine(CliRunner.run("gradcheck", "--seed", "abc"), "--seed", "abc");
        assertOneLine(CliRunner.run("export"), "--out");
        assertOneLine(CliRunner.run("nonsense"), "nonsense");
    }
}
