package io.backproplens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every number a command takes has a stated range, and every command's time and memory are
 * bounded: an absurd value ends in one line naming the option and its range, exit status 2, before
 * anything slow starts (which the timeouts check: loading MNIST alone takes seconds).
 */
class LimitsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRunner.Run r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines()[0]).contains(mentions).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    /** The issue's case: the whole training set grew to 21.7 GB and was killed by the kernel. */
    @Test
    @Timeout(5)
    void gradcheckRefusesABatchThatCannotFitBeforeLoadingAnything() {
        assertOneLine(CliRunner.run("gradcheck", "--batch", "0"),
                "--batch 50000 at --nh 50 needs about 25.3 GB", "limit", "use --batch");
        assertOneLine(CliRunner.run("gradcheck", "--batch", "20000"), "--batch 20000 at --nh 50");
        assertOneLine(CliRunner.run("gradcheck", "--batch", "2000", "--nh", "1024"), "--batch 2000 at --nh 1024");
    }

    @Test
    void memoryEstimateIsAboveEveryMeasuredPeakAndItsLimitIsExact() {
        // Peak resident memory of gradcheck measured on this command (see MemoryEstimate).
        long[][] measured = {{1000, 50, 724_000_000L}, {2500, 50, 1_044_000_000L}, {5000, 50, 1_579_000_000L},
                {20_000, 50, 7_300_000_000L}, {1000, 1024, 3_492_000_000L}};
        for (long[] m : measured) {
            assertThat(MemoryEstimate.bytes(m[0], (int) m[1])).as("rows %d, nh %d", m[0], m[1]).isGreaterThan(m[2]);
        }
        long limit = MemoryEstimate.limitBytes();
        assertThat(limit).isLessThanOrEqualTo(MemoryEstimate.CAP_BYTES);
        for (int nh : new int[] {1, 50, 1024}) {
            int max = MemoryEstimate.maxRows(nh, limit);
            assertThat(MemoryEstimate.bytes(max, nh)).isLessThanOrEqualTo(limit);
            assertThat(MemoryEstimate.bytes(max + 1, nh)).isGreaterThan(limit);
        }
        assertThat(MemoryEstimate.HELP).contains("at most 4 GB", "up to " + MemoryEstimate.maxRows(50, MemoryEstimate.CAP_BYTES) + " rows at nh 50");
    }

    @Test
    @Timeout(5)
    void countsHaveUpperLimits() {
        assertOneLine(CliRunner.run("gradcheck", "--samples", "0"), "--samples must be from 1 to 100, got 0");
        assertOneLine(CliRunner.run("gradcheck", "--samples", "1000000"), "--samples must be from 1 to 100, got 1000000");
        assertOneLine(CliRunner.run("bench", "--runs", "0"), "--runs must be from 1 to 50, got 0");
        assertOneLine(CliRunner.run("bench", "--runs", "100000"), "--runs must be from 1 to 50");
        for (String cmd : new String[] {"report", "gradcheck", "bench"}) {
            assertOneLine(CliRunner.run(cmd, "--nh", "1025"), "--nh must be from 1 to 1024, got 1025");
        }
        assertOneLine(CliRunner.run("export", "--out", dir.toString(), "--nh", "4096"), "--nh must be from 1 to 1024");
        assertOneLine(CliRunner.run("export", "--out", dir.toString(), "--batch", "-1"), "--batch must be from 0 to 50000, got -1");
    }

    /** report --relu-shift 1e308 printed a 309-digit number and a NaN loss. */
    @Test
    @Timeout(5)
    void reluShiftHasASaneRangeAndNaNIsRefused() {
        assertOneLine(CliRunner.run("report", "--relu-shift", "1e308"), "--relu-shift must be a number from -10 to 10, got 1e+308");
        assertOneLine(CliRunner.run("report", "--relu-shift", "NaN"), "--relu-shift", "got nan");
        assertOneLine(CliRunner.run("gradcheck", "--relu-shift", "Infinity"), "--relu-shift", "got inf");
        assertOneLine(CliRunner.run("export", "--out", dir.toString(), "--relu-shift", "-10.5"), "--relu-shift", "got -10.5");
        assertThat(CliRunner.run("report", "--relu-shift", "1e309").errLines()[0]).contains("got inf");
    }

    @Test
    @Timeout(5)
    void outputFoldersAreChecked() throws IOException {
        assertOneLine(CliRunner.run("export", "--out", ""), "--out must name a folder, got an empty path");
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        assertOneLine(CliRunner.run("export", "--out", file.toString()), "--out " + file + " is a file, not a folder");
        assertOneLine(CliRunner.run("snapshot", "--out", file.toString()), "--out " + file + " is a file, not a folder");
        assertOneLine(CliRunner.run("snapshot", "--out", ""), "--out must name a folder");
        assertThat(Files.readString(file)).isEqualTo("root:x:0:0");
    }

    @Test
    @Timeout(5)
    void snapshotSizeAndScaleAreCheckedBeforeTheToolkitStarts() {
        assertOneLine(CliRunner.run("snapshot", "--out", dir.toString(), "--scale", "NaN"), "--scale must be a number from 1 to 2.5, got nan");
        assertOneLine(CliRunner.run("snapshot", "--out", dir.toString(), "--scale", "3"), "--scale", "got 3");
        assertOneLine(CliRunner.run("snapshot", "--out", dir.toString(), "--width", "100000"), "--width must be from 640 to 7680");
        assertOneLine(CliRunner.run("snapshot", "--out", dir.toString(), "--height", "0"), "--height must be from 360 to 4320");
        assertOneLine(CliRunner.run("snapshot", "--train-frames", "0"), "--train-frames", "got 0");
        assertOneLine(CliRunner.run("snapshot", "--out", dir.toString(), "--race"), "--race goes with --train-frames");
    }

    @Test
    void exportOverAFolderNamedLikeATensorSaysWhichFile() throws IOException {
        Path out = Files.createDirectories(dir.resolve("npy"));
        Path blocker = Files.createDirectories(out.resolve("x.npy"));
        CliRunner.Run r = CliRunner.run("export", "--out", out.toString(), "--batch", "10",
                "--data", CliRunner.samplePickle(dir).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines()[0]).contains("cannot write " + blocker + ": it is a folder");
    }

    /** 200x200 printed 8,000,001 lines (238 MB); 1000x1000 died with an OutOfMemoryError trace. */
    @Test
    @Timeout(5)
    void triplesRefusesMatricesBeyondTheStatedSizeBeforeParsing() {
        assertOneLine(CliRunner.run("triples", "--a", matrix(200, 200, 1), "--b", matrix(200, 200, 2)),
                "--a has 200 rows and up to 200 columns; matrices may be at most 100x100");
        assertOneLine(CliRunner.run("triples", "--a", "1,2", "--b", matrix(1, 101, 3)), "--b has 1 rows and up to 101 columns");
        // 1000x1000 in an @file would be millions of characters: refused by its length alone.
        String huge = matrix(1000, 1000, 4);
        assertOneLine(CliRunner.run("triples", "--a", huge, "--b", huge), "--a is " + huge.length() + " characters long");
    }

    @Test
    void triplesPrintsTheFirstHundredUnlessAskedForAll() {
        String a = matrix(10, 10, 5), b = matrix(10, 10, 6);
        CliRunner.Run r = CliRunner.run("triples", "--a", a, "--b", b);
        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\\R");
        assertThat(lines).hasSize(102);
        assertThat(lines[0]).isEqualTo("(0, 0) (0, 0) (0, 0)");
        assertThat(lines[99]).isEqualTo("(0, 9) (9, 9) (0, 9)");
        assertThat(lines[100]).isEqualTo("... 900 more (use --all)");
        assertThat(lines[101]).isEqualTo(io.backproplens.matmul.Matrices.format(multiply(parse(a), parse(b))));

        CliRunner.Run all = CliRunner.run("triples", "--all", "--a", a, "--b", b);
        String[] allLines = all.out().strip().split("\\R");
        assertThat(allLines).hasSize(1001);
        assertThat(allLines[999]).isEqualTo("(9, 9) (9, 9) (9, 9)");
        assertThat(allLines[1000]).isEqualTo(lines[101]);
    }

    @Test
    @Timeout(10)
    void fifoAsDataFileEndsInOneLine() throws Exception {
        Path fifo = dir.resolve("mnist.pkl.gz");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        assertOneLine(CliRunner.run("report", "--data", fifo.toString()), fifo + ": is not a regular file");
    }

    /** Integers 0..9 in a seeded order, rows by ';' and values by ','. */
    private static String matrix(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        StringJoiner m = new StringJoiner(";");
        for (int i = 0; i < rows; i++) {
            StringJoiner row = new StringJoiner(",");
            for (int j = 0; j < cols; j++) row.add(Integer.toString(rng.nextInt(10)));
            m.add(row.toString());
        }
        return m.toString();
    }

    private static double[][] parse(String m) {
        return Arrays.stream(m.split(";")).map(r -> Arrays.stream(r.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++)
            for (int k = 0; k < b.length; k++)
                for (int j = 0; j < b[0].length; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }
}
