package io.backproplens.ui.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a teacher reads when something fails: the sentence written for people, never a class name. */
class ErrorDialogsTest {

    @Test
    void theAppsOwnExplanationWinsOverTheLowLevelCause() {
        // The controller's real loading path, with data that cannot be read.
        Throwable failure = catchThrowable(() -> Controller.load(() -> {
            throw new IOException("train-images-idx3-ubyte.gz: file not found");
        }));
        assertThat(failure).isInstanceOf(IOException.class);
        // Background hands the task's exception to ErrorDialogs as it is, or wrapped by an executor.
        for (Throwable shown : new Throwable[]{failure, new ExecutionException(failure)}) {
            assertThat(ErrorDialogs.describe(shown)).startsWith("The bundled MNIST could not be read")
                    .contains("train-images-idx3-ubyte.gz: file not found").contains("mvn -B package")
                    .doesNotContain("IOException");
        }
    }

    @Test
    void aMissingNativeLibrarySaysHowToGetIt() {
        Throwable t = new RuntimeException("ND4J failed", new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"));
        assertThat(ErrorDialogs.describe(t)).contains("native library could not be loaded").contains("README");
    }

    @Test
    void otherwiseTheInnermostMessageWithoutExceptionNames() {
        Throwable t = new RuntimeException(new IllegalArgumentException("nh (hidden units) must be between 1 and 1024, got 0"));
        assertThat(ErrorDialogs.describe(t)).isEqualTo("nh (hidden units) must be between 1 and 1024, got 0");
        assertThat(ErrorDialogs.describe(new NullPointerException())).doesNotContain("java.lang");
    }
}
