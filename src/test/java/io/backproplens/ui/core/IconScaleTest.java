package io.backproplens.ui.core;

import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chrome's and the play bar's icons follow the UI scale under the real theme (which sets
 * -fx-icon-size on every icon) without JavaFX logging "A bound value cannot be set" at each CSS
 * pass, as the chrome's bound iconSize made it do.
 */
@ExtendWith(ApplicationExtension.class)
class IconScaleTest {
    /** Held: JUL keeps loggers weakly, and a collected one would lose the handler. */
    private final Logger css = Logger.getLogger("javafx.css");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) { logged.add(String.valueOf(r.getMessage()) + " " + r.getThrown()); }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Stage stage;

    @Start
    void start(Stage stage) { this.stage = stage; }

    @BeforeEach
    void listen() { css.addHandler(capture); }

    @AfterEach
    void stop() { css.removeHandler(capture); }

    @Test
    void iconsTakeTheRootFontSizeAndNothingIsLogged() throws Exception {
        Presentation p = new Presentation();
        FontIcon menu = IconScale.icon("mdi2m-menu", p);
        Button play = new Button(null, new FontIcon("mdi2p-play"));
        HBox root = new HBox(new Button(null, menu), play);
        IconScale.follow(List.of(play), p);
        show(root, p);
        for (double scale : new double[]{2.0, 1.5, 1.0}) {
            WaitForAsyncUtils.asyncFx(() -> {
                p.scale.set(scale);
                root.applyCss();
            }).get();
            // The play bar swaps Play for Pause: the new icon is sized too.
            WaitForAsyncUtils.asyncFx(() -> {
                play.setGraphic(new FontIcon("mdi2p-pause"));
                root.applyCss();
            }).get();
            int px = (int) Math.round(16 * scale);
            assertThat(menu.getIconSize()).as("the menu icon at " + scale).isEqualTo(px);
            assertThat(((FontIcon) play.getGraphic()).getIconSize()).as("the pause icon at " + scale).isEqualTo(px);
        }
        assertThat(logged).as("JavaFX's CSS log").noneMatch(m -> m.contains("bound value"));

        // The log is heard: a bound iconSize under the same theme is reported, as it was in the chrome.
        FontIcon bound = new FontIcon("mdi2m-menu");
        bound.iconSizeProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(p.fontPx()), p.scale));
        HBox other = new HBox(new Button(null, bound));
        show(other, p);
        WaitForAsyncUtils.asyncFx(() -> {
            p.scale.set(2.0);
            other.applyCss();
        }).get();
        assertThat(logged).as("JavaFX's CSS log with a bound iconSize").anyMatch(m -> m.contains("bound value"));
    }

    private void show(HBox root, Presentation p) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            p.applyTo(root);
            stage.setScene(new Scene(root, 300, 100));
            stage.show();
            root.applyCss();
        }).get();
    }
}
