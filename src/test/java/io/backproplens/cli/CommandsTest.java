package io.backproplens.cli;

import io.backproplens.Notebook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backproplens.engine.TensorRef;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.engine.Init;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands on the 1,000-row sample pickle (fast); the full data's numbers: NotebookNumbersTest. */
class CommandsTest {
    @TempDir
    static Path dir;
    static Path sample;

    @BeforeAll
    static void copySample() throws IOException {
        sample = CliRunner.samplePickle(dir);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("report", "triples", "gradcheck", "export", "bench")) {
            CliRunner.Run r = CliRunner.run(cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: backprop-lens " + cmd);
        }
        assertThat(CliRunner.run("--help").out()).contains("report", "triples", "gradcheck", "export", "bench");
    }

    @Test
    void triplesPrintsTheNotebooksLinesThenTheResult() {
        CliRunner.Run r = CliRunner.run("triples");

        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(19);
        assertThat(lines.subList(0, 18)).containsExactlyElementsOf(Notebook.TRIPLES);
        assertThat(lines.get(18)).isEqualTo(Notebook.RESULT_TEXT);
    }

    @Test
    void triplesTakesOtherMatrices() {
        CliRunner.Run r = CliRunner.run("triples", "--a", "1,2", "--b", "3;4");
        assertThat(r.out().lines().toList()).containsExactly("(0, 0) (0, 0) (0, 0)", "(0, 1) (1, 0) (0, 0)", "[[11]]");
    }

    @Test
    void reportJsonIsOneObjectWithTheIssuesKeys() throws IOException {
        CliRunner.Run r = CliRunner.run("report", "--json", "--data", sample.toString(), "--init", "xavier", "--seed", "7");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : List.of("x_train", "x_valid", "x_train_normalized", "x_valid_normalized")) {
            JsonNode d = j.path("data").path(k);
            assertThat(d.path("shape").isArray()).as(k).isTrue();
            assertThat(d.path("mean").isNumber()).as(k).isTrue();
            assertThat(d.path("std").isNumber()).as(k).isTrue();
        }
        assertThat(j.path("data").path("x_train").path("shape").toString()).isEqualTo("[1000,784]");
        assertThat(j.path("data").path("x_train_normalized").path("std").asDouble()).isBetween(0.9999, 1.0001);
        assertThat(j.path("init").asText()).isEqualTo("xavier");
        assertThat(j.path("seed").asLong()).isEqualTo(7);
        assertThat(j.path("layers")).extracting(l -> l.path("name").asText()).containsExactly("lin1", "relu", "lin2");
        for (JsonNode l : j.path("layers")) {
            assertThat(l.path("shape").isArray() && l.path("mean").isNumber() && l.path("std").isNumber()).isTrue();
        }
        assertThat(j.path("layers").get(2).path("shape").toString()).isEqualTo("[200,1]");
        assertThat(j.path("loss").asDouble()).isPositive();
    }

    @Test
    void reportTableShowsTheNotebooksRows() {
        CliRunner.Run r = CliRunner.run("report", "--data", sample.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("x_train normalized", "x_valid normalized", "lin(x_valid, w1, b1)",
                "relu(lin(x_valid, w1, b1))", "loss = mse(model(x_train))", "forward", "backward");
    }

    @Test
    void gradcheckPassesAndPrintsEveryTensor() {
        CliRunner.Run r = CliRunner.run("gradcheck", "--data", sample.toString(), "--batch", "100", "--nh", "10",
                "--init", "randn");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        for (String t : List.of("w1.g", "b1.g", "w2.g", "b2.g", "x.g")) {
            assertThat(r.out().lines().filter(l -> l.startsWith(t + " ")).count()).as(t).isEqualTo(2);
        }
        assertThat(r.out()).contains("SameDiff", "finite diff", "all 10 checks passed");
    }

    @Test
    void exportWritesEveryTensorAndGradientAsNumpy() throws IOException {
        Path out = dir.resolve("export");
        CliRunner.Run r = CliRunner.run("export", "--out", out.toString(), "--data", sample.toString(),
                "--batch", "64", "--seed", "5");

        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "x.npy", "y.npy", "w1.npy", "b1.npy", "w2.npy", "b2.npy", "l1.npy", "l2.npy", "out.npy", "loss.npy",
                    "x.g.npy", "w1.g.npy", "b1.g.npy", "w2.g.npy", "b2.g.npy", "l1.g.npy", "l2.g.npy", "out.g.npy");
        }
        // The same pass in-process: the file holds exactly the engine's gradient.
        PassResult p = new Session(Datasets.load(sample), DataType.FLOAT)
                .run(Settings.defaults().withSeed(5).withBatch(64).withInit(Init.KAIMING));
        INDArray engineW1g = p.weights().w1().g();
        INDArray fileW1g = Nd4j.createFromNpyFile(out.resolve("w1.g.npy").toFile());
        assertThat(fileW1g.shape()).containsExactly(784, 50);
        // To float32 rounding, not bit for bit: OpenBLAS splits the product over as many threads as
        // there are idle cores at that moment (CpuThreads), which changes the order of the sums.
        double eps = 1e-5 * engineW1g.amaxNumber().doubleValue();
        assertThat(fileW1g.equalsWithEps(engineW1g, eps)).as("w1.g within %s", eps).isTrue();
        assertThat(fileW1g.equalsWithEps(engineW1g.mul(1.01), eps)).as("a w1.g 1%% off is told apart").isFalse();
        INDArray x = Nd4j.createFromNpyFile(out.resolve("x.npy").toFile());
        assertThat(x.shape()).containsExactly(64, 784);
        assertThat(p.trace().tensorsAfter(p.trace().size() - 1).values()).extracting(TensorRef::label)
                .contains("x.g", "l1.g", "out.g");
    }

    /** Only the shape of the output: times are never asserted (the machine is shared). */
    @Test
    void benchJsonHasTheLadderAndTheFullBatchNumbers() throws IOException {
        CliRunner.Run r = CliRunner.run("bench", "--json", "--runs", "1", "--data", sample.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("ladder")).extracting(l -> l.path("variant").asText())
                .containsExactly("triple_loop", "inner_removed", "broadcast", "blas");
        for (JsonNode l : j.path("ladder")) {
            for (String k : List.of("ms", "first_call_ms", "speedup")) assertThat(l.path(k).isNumber()).as(k).isTrue();
        }
        assertThat(j.path("ladder").get(0).path("speedup").asDouble()).isEqualTo(1.0);
        JsonNode f = j.path("fwd_bwd");
        for (String k : List.of("engine_ms", "engine_new_memory_ms", "engine_row_major_x_ms", "samediff_ms", "gemm_gflops", "flops", "engine_over_samediff", "fraction_of_gemm_rate")) {
            assertThat(f.path(k).isNumber()).as(k).isTrue();
            assertThat(f.path(k).asDouble()).as(k).isPositive();
        }
        // 1000 rows, nh 50: the five products 2*n*(784*50*2 + 50*3).
        assertThat(f.path("flops").asDouble()).isEqualTo(2.0 * 1000 * (784 * 50 * 2 + 50 * 3));
        assertThat(f.path("products")).hasSize(5);
    }

    @Test
    void benchTrainOnlyPrintsTheTrainingThroughputAlone() throws IOException {
        CliRunner.Run r = CliRunner.run("bench", "--train-only", "--json", "--runs", "1", "--data", sample.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.has("ladder")).isFalse();
        assertThat(j.has("fwd_bwd")).isFalse();
        assertThat(j.path("train").path("bs").asInt()).isEqualTo(64);
        assertThat(j.path("train").path("batches_per_s").asDouble()).isPositive();
    }
}
