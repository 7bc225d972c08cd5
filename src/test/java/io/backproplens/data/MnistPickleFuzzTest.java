package io.backproplens.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to the pickle reader end in the MNIST triple or a one-line
 * {@link DataFormatException} naming the file: never Pyrolite's own exceptions, a hang or an
 * allocation the bytes do not hold. Corpus: {@code MnistPickleFuzzTestInputs/}.
 */
class MnistPickleFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void tripleOrAOneLineMessage(byte[] pickle) {
        try {
            Mnist m = MnistPickle.read("fuzz", pickle);
            assertThat(m.xTrain().size(0)).isEqualTo(m.yTrain().size(0));
        } catch (DataFormatException e) {
            // One line, in words: no Java internals such as "Cannot invoke ... because \"list\" is null".
            assertThat(e.getMessage()).startsWith("fuzz: ").doesNotContain("\n", "Cannot invoke", "java.");
        }
    }
}
