package io.backproplens.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes given to the IDX reader end in images, labels or a one-line {@link DataFormatException}
 * that starts with the file's name: never another exception, a hang or a large allocation. The
 * corpus in {@code IdxReaderFuzzTestInputs/} replays in every test run; {@code JAZZER_FUZZ=1}
 * fuzzes on from it (see the README).
 */
class IdxReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void imagesOrAOneLineMessage(byte[] file) {
        try {
            IdxReader.Images images = IdxReader.readImages("fuzz", new ByteArrayInputStream(file));
            assertThat((long) images.pixels().length).isEqualTo((long) images.count() * images.rows() * images.cols());
        } catch (IOException e) {
            assertOneLine(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void labelsOrAOneLineMessage(byte[] file) {
        try {
            IdxReader.Labels labels = IdxReader.readLabels("fuzz", new ByteArrayInputStream(file));
            assertThat(labels.labels()).hasSize(labels.count());
        } catch (IOException e) {
            assertOneLine(e);
        }
    }

    static void assertOneLine(IOException e) {
        assertThat(e).isInstanceOf(DataFormatException.class);
        assertThat(e.getMessage()).startsWith("fuzz: ").doesNotContain("\n");
    }
}
