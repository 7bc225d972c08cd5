package io.backproplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train} and {@code gradcheck --head ce} on the 1,000-row sample pickle. */
class TrainCommandTest {
    @TempDir
    static Path dir;
    static Path sample;

    @BeforeAll
    static void copySample() throws Exception { sample = CliRunner.samplePickle(dir); }

    @ParameterizedTest
    @CsvSource({"--bs,0", "--lr,NaN", "--lr,-0.1", "--lr,0", "--epochs,0", "--depth,0", "--depth,9", "--head,softmax", "--nh,0"})
    void badValuesGetOneLineNamingTheOptionAndExit2(String option, String value) {
        CliRunner.Run r = CliRunner.run("train", "--data", sample.toString(), option, value);

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines()[0]).contains(option, value).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonIsOneObjectPerEpochOnACleanStdoutAndTheSameSeedRepeatsIt() throws Exception {
        String[] args = {"train", "--data", sample.toString(), "--head", "ce", "--epochs", "3", "--bs", "32", "--shuffle", "--seed", "3", "--json"};
        CliRunner.Run r = CliRunner.run(args);

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        double firstTrainLoss = Double.NaN;
        for (int i = 0; i < 3; i++) {
            JsonNode o = json.readTree(lines.get(i));
            assertThat(o.get("epoch").asInt()).isEqualTo(i + 1);
            for (String k : List.of("train_loss", "valid_loss", "valid_accuracy", "seconds")) assertThat(o.get(k).isNumber()).as(k).isTrue();
            assertThat(o.get("valid_accuracy").asDouble()).isBetween(0.0, 1.0);
            if (i == 0) firstTrainLoss = o.get("train_loss").asDouble();
            else assertThat(o.get("train_loss").asDouble()).isLessThan(firstTrainLoss);
        }
        CliRunner.Run again = CliRunner.run(args);
        assertThat(again.out().lines().map(TrainCommandTest::withoutTime).toList())
                .isEqualTo(lines.stream().map(TrainCommandTest::withoutTime).toList());
    }

    private static String withoutTime(String line) { return line.replaceAll("\"seconds\":[^,}]*", ""); }

    @Test
    void tableHasOneLinePerEpochAndSaysWhatAccuracyMeans() {
        CliRunner.Run r = CliRunner.run("train", "--data", sample.toString(), "--epochs", "2", "--depth", "2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("head mse, depth 2", "train loss", "valid loss", "valid accuracy", "(rounded output)");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[12]\\s+\\d.*%.*"))).hasSize(2);
    }

    @Test
    void smallRandnAtDepth8DoesNotLearnWhereKaimingDoes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        double[] loss = new double[2];
        String[] inits = {"small", "kaiming"};
        for (int i = 0; i < 2; i++) {
            CliRunner.Run r = CliRunner.run("train", "--data", sample.toString(), "--head", "ce", "--depth", "8", "--lr", "0.1",
                    "--epochs", "3", "--init", inits[i], "--json");
            assertThat(r.code()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            loss[i] = json.readTree(lines.get(lines.size() - 1)).get("valid_loss").asDouble();
        }
        // ln 10 = 2.303: ten equally likely digits, what a network whose output has vanished predicts.
        assertThat(loss[0]).as("small randn's valid loss after 3 epochs").isGreaterThan(2.25);
        assertThat(loss[1]).as("Kaiming's").isLessThan(loss[0] - 0.3);
        CliRunner.Run bad = CliRunner.run("train", "--data", sample.toString(), "--init", "tiny");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("tiny", "small");
    }

    @Test
    void gradcheckOfTheCeHeadPasses() {
        CliRunner.Run r = CliRunner.run("gradcheck", "--head", "ce", "--data", sample.toString(), "--batch", "100", "--nh", "10");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("head ce", "all 10 checks passed");
        assertThat(r.out().lines().filter(l -> l.startsWith("w2.g ")).toList()).allSatisfy(l -> assertThat(l).contains("10x10", "pass"));
    }
}
