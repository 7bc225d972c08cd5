package io.backproplens.ui.shell;

import io.backproplens.ui.core.IconScale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/**
 * The lesson bar folded into one control, for a window short for its UI scale: Previous, the
 * scene as {@code 3 / 10 Data ▾} (the list of every scene), Next. It shows whatever scene the
 * window shows, however that was chosen (key, menu, scene file).
 */
final class LessonNav extends HBox {
    private final ComboBox<Lesson> choice = new ComboBox<>(FXCollections.observableArrayList(Lesson.values()));
    private final Button previous;
    private final Button next;
    private boolean syncing;

    LessonNav(Consumer<Lesson> show, io.backproplens.ui.core.Presentation p) {
        super(2);
        previous = button(IconScale.icon("mdi2c-chevron-left", p), "Previous lesson scene", "lesson-nav-prev");
        next = button(IconScale.icon("mdi2c-chevron-right", p), "Next lesson scene", "lesson-nav-next");
        setId("lesson-nav");
        setAlignment(Pos.CENTER_LEFT);
        choice.setId("lesson-choice");
        choice.setPromptText("Lesson");
        choice.setFocusTraversable(false);
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.setSkin(new FitComboSkin<>(choice));
        choice.setCellFactory(v -> cell(false));
        choice.setButtonCell(cell(true));
        choice.setTooltip(new Tooltip("The lesson scenes (Ctrl+1 .. Ctrl+9)"));
        choice.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) show.accept(now);
        });
        previous.setOnAction(e -> show.accept(Lesson.values()[Math.max(0, index() - 1)]));
        next.setOnAction(e -> show.accept(Lesson.values()[Math.min(Lesson.values().length - 1, index() + 1)]));
        getChildren().addAll(previous, choice, next);
        showing(null);
    }

    /** The scene now shown (null: none yet); Previous and Next go from it. */
    void showing(Lesson lesson) {
        syncing = true;
        try {
            choice.setValue(lesson);
        } finally {
            syncing = false;
        }
        previous.setDisable(lesson == null || lesson.ordinal() == 0);
        next.setDisable(lesson != null && lesson.ordinal() == Lesson.values().length - 1);
    }

    ComboBox<Lesson> choice() { return choice; }

    /** Before any scene, Next opens the first. */
    private int index() { return choice.getValue() == null ? -1 : choice.getValue().ordinal(); }

    /** {@code 3 / 10 Data} on the button, {@code 3  Data} in the list. */
    private static ListCell<Lesson> cell(boolean button) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Lesson l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) setText(button ? "Lesson" : null);
                else setText(button ? (l.ordinal() + 1) + " / " + Lesson.values().length + "  " + l.title() : (l.ordinal() + 1) + "  " + l.title());
            }
        };
    }

    private static Button button(FontIcon icon, String tip, String id) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("button-icon");
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
