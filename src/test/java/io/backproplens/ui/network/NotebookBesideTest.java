package io.backproplens.ui.network;

import io.backproplens.session.NotebookPrinted;
import io.backproplens.stats.Summary;
import io.backproplens.ui.activations.HistogramPanel;
import io.backproplens.ui.data.DataView;
import io.backproplens.ui.shell.Lesson;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The notebook beside the app, on the real MNIST and the full batch: the Data view's notebook
 * column is the notebook's printed mean/std and agrees with the app's own to the printed four
 * decimals (the same data); the Init scene's histograms carry the notebook's Xavier and Kaiming
 * ReLU statistics, close to the app's (unseeded draws); the loss step says the notebook's 24.3061;
 * the ends of forward and backward say their wall times beside the notebook's.
 */
@ExtendWith(ApplicationExtension.class)
class NotebookBesideTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, null); }

    @Test
    void theViewsShowTheNotebooksPrintedNumbersBesideTheirOwn() {
        app.awaitPass("the first full-batch pass", p -> true);

        // Data: the same MNIST, so the same four decimals.
        fx(() -> app.window.selectTab("data"));
        DataView data = fx(() -> app.window.data());
        await("the data table", 120, () -> data.notebookText("x_train") != null);
        assertThat(fx(() -> data.notebookText("x_train"))).isEqualTo("0.1304 / 0.3073");
        assertThat(fx(() -> data.notebookText("x_valid normalised"))).isEqualTo("-0.0059 / 0.9924");
        Summary valid = fx(() -> Summary.of(app.state.session.get().data().xValid()));
        assertThat(String.format(Locale.ROOT, "%.4f", valid.mean())).isEqualTo(NotebookPrinted.get("x_valid.normalized.mean").text());
        assertThat(String.format(Locale.ROOT, "%.4f", valid.std())).isEqualTo(NotebookPrinted.get("x_valid.normalized.std").text());

        // Init: Xavier's and Kaiming's ReLU on x_valid, the notebook's In [46] and In [47] beside the app's.
        fx(() -> app.window.showLesson(Lesson.INIT));
        HistogramPanel a = fx(() -> app.window.activations().comparePanel(true)), b = fx(() -> app.window.activations().comparePanel(false));
        await("the comparison", 180, () -> !a.notebookText().isEmpty() && a.data() != null && b.data() != null);
        assertThat(fx(a::notebookText)).isEqualTo("notebook: mean 0.3758  std 0.5854 (unseeded)");
        assertThat(fx(b::notebookText)).isEqualTo("notebook: mean 0.5117  std 0.7864 (unseeded)");
        // Unseeded draws of the same sizes: the app's are near, not equal.
        assertThat(fx(() -> b.data().summary().mean())).isCloseTo(NotebookPrinted.get("kaiming.relu.mean").value(), within(0.05));
        assertThat(fx(() -> b.data().summary().std())).isCloseTo(NotebookPrinted.get("kaiming.relu.std").value(), within(0.05));

        // Loss: the step that computes it names the notebook's, and why they differ.
        fx(() -> app.window.showLesson(Lesson.LOSS));
        await("the loss step", 60, () -> app.view.formulas().narration().contains("loss = "));
        String loss = fx(() -> app.view.formulas().narration());
        double mine = fx(() -> app.state.pass.get().loss());
        assertThat(loss).contains("loss = " + String.format(Locale.ROOT, "%.4f", mine), "notebook: 24.3061", "unseeded");

        // Times: the end of forward (the loss step) and of backward say how long each took here and in the notebook.
        io.backproplens.session.PassResult pass = fx(() -> app.state.pass.get());
        assertThat(loss).contains("Forward took " + io.backproplens.ui.common.Fmt.time(pass.forwardNanos() / 1e9) + " (Java, this machine); "
                + "notebook: 29.1 ms (Python, another machine).");
        int last = fx(() -> app.state.pass.get().trace().steps().size() - 1);
        fx(() -> app.state.step.set(last - 1));
        assertThat(fx(() -> app.view.formulas().narration())).as("mid-backward").doesNotContain("took");
        fx(() -> app.state.step.set(last));
        assertThat(fx(() -> app.view.formulas().narration())).contains("Backward took " + io.backproplens.ui.common.Fmt.time(pass.backwardNanos() / 1e9)
                + " (Java, this machine); notebook: 75.8 ms (Python, another machine).");
    }
}
