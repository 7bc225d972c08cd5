package io.backproplens.ui.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a teacher reads when something fails: the sentence written for people, never a class name. */
class ErrorDialogsTest {

    @Test
    void theAppsOwnExplanationWinsOverTheLowLevelCause() {
        IOException low = new IOException("train-images-idx3-ubyte.gz: file not found");
        IOException ours = new IOException("The bundled MNIST could not be read (" + low.getMessage() + "). Rebuild.", low);
        assertThat(ErrorDialogs.describe(new ExecutionException(ours))).startsWith("The bundled MNIST could not be read");
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
