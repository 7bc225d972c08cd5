package io.backproplens.ui.shell;

import io.backproplens.ui.core.IconScale;
import io.backproplens.ui.core.Keys;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.Exports;
import io.backproplens.ui.core.Presentation;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** File, View and Lesson menus: scene files, PNG and animation export, scale, theme, full screen, motion, predict mode. */
public final class AppMenu extends MenuBar {
    private final MainWindow window;
    private final UserPrefs prefs = UserPrefs.forUser();
    /** File, View, Lesson: on the bar, or (compact) under one menu button. */
    private final java.util.List<Menu> menus;
    private final Menu folded;

    public AppMenu(MainWindow window) {
        this.window = window;
        folded = new Menu(null, IconScale.icon("mdi2m-menu", window.state().presentation));
        setId("menu-bar");
        menus = java.util.List.of(fileMenu(), viewMenu(), lessonMenu());
        folded.setId("menu-folded");
        getMenus().addAll(menus);
        // A menu's popup is a window of its own, outside the root whose font size is the UI scale.
        Presentation p = window.state().presentation;
        p.scale.addListener(o -> scaleItems(java.util.List.of(folded), p.fontPx()));
        scaleItems(java.util.List.of(folded), p.fontPx());
    }

    private void scaleItems(java.util.List<? extends MenuItem> items, double px) {
        for (MenuItem i : items) {
            i.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px));
            if (i == folded) scaleItems(menus, px);
            else if (i instanceof Menu m) scaleItems(m.getItems(), px);
        }
    }

    private Menu fileMenu() {
        MenuItem open = accelerated("Open scene\u2026", Keys.SCENE_FILE.chord(1), this::openScene);
        MenuItem save = accelerated("Save scene\u2026", Keys.SCENE_FILE.chord(0), this::saveScene);
        MenuItem png = accelerated("Export view as PNG\u2026", Keys.EXPORT.chord(0), this::exportPng);
        // The steps of the view in front as a GIF, MP4 or PNGs for slides (what `record` makes).
        MenuItem animation = item("Export animation\u2026", null, () -> AnimationExport.run(window));
        animation.setId("menu-export-animation");
        MenuItem reset = item("Reset settings to defaults", null, this::resetDefaults);
        MenuItem quit = accelerated("Quit", Keys.QUIT.chord(0), window::quit);
        return new Menu("File", null, open, save, png, animation, reset, quit);
    }

    private Menu viewMenu() {
        Presentation p = window.state().presentation;
        Menu scale = new Menu("UI scale");
        ToggleGroup scales = new ToggleGroup();
        for (int pct = 100; pct <= 250; pct += 25) {
            double s = pct / 100.0;
            RadioMenuItem r = new RadioMenuItem(pct + "%");
            r.setToggleGroup(scales);
            r.setSelected(Math.abs(p.scale.get() - s) < 1e-9);
            r.setOnAction(e -> p.scale.set(s));
            p.scale.addListener((o, was, now) -> r.setSelected(Math.abs(now.doubleValue() - s) < 1e-9));
            scale.getItems().add(r);
        }
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Presentation.Theme t : Presentation.Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.toString());
            r.setToggleGroup(themes);
            r.setSelected(p.theme.get() == t);
            r.setOnAction(e -> p.theme.set(t));
            theme.getItems().add(r);
        }
        MenuItem full = item("Full screen", Keys.FULL_SCREEN.chord(0).display(), () -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) window.getScene().getWindow();
            stage.setFullScreen(!stage.isFullScreen());
        });
        // The window's key filter handles F5, so the key is shown as text (no accelerator: no double toggle).
        CheckMenuItem presenter = new CheckMenuItem("Presenter mode    (" + Keys.PRESENTER.chord(0).display() + ")");
        presenter.setId("menu-presenter");
        presenter.setSelected(p.presenter.get());
        p.presenter.addListener((o, was, now) -> presenter.setSelected(now));
        presenter.setOnAction(e -> window.setPresenter(presenter.isSelected()));
        // Reduced motion: the steps land without animation (the preference is remembered).
        CheckMenuItem motion = new CheckMenuItem("Motion between steps");
        motion.setId("menu-motion");
        motion.selectedProperty().bindBidirectional(p.motion);
        CheckMenuItem code = new CheckMenuItem("Engine code beside the view");
        code.setOnAction(e -> window.showCode(code.isSelected()));
        MenuItem help = item("Keys\u2026", Keys.HELP.chord(1).display(), window::toggleHelp);
        return new Menu("View", null, scale, theme, full, presenter, motion, code, help);
    }

    private Menu lessonMenu() {
        Menu m = new Menu("Lesson");
        for (Lesson l : Lesson.values()) {
            // Ctrl+1 .. Ctrl+9: a scene past the ninth has no key, only its menu item and button.
            String keys = l.ordinal() < Keys.SCENE.chords().size() ? Keys.SCENE.chord(l.ordinal()).display() : null;
            m.getItems().add(item((l.ordinal() + 1) + "  " + l.title(), keys, () -> window.showLesson(l)));
        }
        CheckMenuItem predict = new CheckMenuItem("Predict, then reveal");
        predict.setId("menu-predict");
        predict.selectedProperty().bindBidirectional(window.state().predict);
        m.getItems().add(predict);
        return m;
    }

    /** A menu item with a real accelerator (keys the window's own key filter does not handle). */
    private static MenuItem accelerated(String text, Keys.Chord keys, Runnable action) {
        MenuItem i = item(text, null, action);
        i.setAccelerator(keys.accelerator());
        return i;
    }

    /** For keys the window's key filter handles, the menu shows them as text only (no double action). */
    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem i = new MenuItem(keys == null ? text : text + "    (" + keys + ")");
        i.setOnAction(e -> action.run());
        return i;
    }

    /**
     * Compact: File, View and Lesson fold under one menu button, so the bar takes the width of one
     * icon. The same items (and so the same accelerators) in both layouts.
     */
    void setCompact(boolean on) {
        if (on == getMenus().contains(folded)) return;
        if (on) {
            getMenus().clear();
            folded.getItems().setAll(menus);
            getMenus().add(folded);
        } else {
            getMenus().clear();
            folded.getItems().clear();
            getMenus().addAll(menus);
        }
    }

    void zoom(double delta) {
        Presentation p = window.state().presentation;
        p.scale.set(Math.max(Presentation.MIN_SCALE, Math.min(Presentation.MAX_SCALE, p.scale.get() + delta)));
    }

    private Window owner() { return window.getScene().getWindow(); }

    void openScene() {
        FileChooser chooser = chooser("Open scene", "Scene files", "*.json");
        File f = chooser.showOpenDialog(owner());
        if (f != null) window.openScene(f.toPath());
    }

    void saveScene() {
        FileChooser chooser = chooser("Save scene", "Scene files", "*.json");
        chooser.setInitialFileName("lesson.json");
        File f = chooser.showSaveDialog(owner());
        if (f == null) return;
        try {
            window.saveScene(f.toPath());
        } catch (IOException e) {
            ErrorDialogs.show("Could not save the scene", e);
        }
    }

    void exportPng() {
        TextInputDialog size = new TextInputDialog("1920x1080");
        size.setHeaderText("Image size in pixels (width x height)");
        Optional<String> answer = size.showAndWait();
        if (answer.isEmpty()) return;
        String[] wh = answer.get().toLowerCase(Locale.ROOT).split("x");
        int w, h;
        try {
            w = Integer.parseInt(wh[0].trim());
            h = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            ErrorDialogs.show("Export as PNG", new IllegalArgumentException("'" + answer.get() + "' is not a size like 1920x1080"));
            return;
        }
        FileChooser chooser = chooser("Export view as PNG", "PNG images", "*.png");
        chooser.setInitialFileName(window.selectedTab() + ".png");
        File f = chooser.showSaveDialog(owner());
        if (f == null) return;
        try {
            Exports.png(window.front(), w, h, f.toPath());
            window.state().notices.post("Image saved", "Saved the " + w + "\u00d7" + h + " picture to " + f);
        } catch (IOException | IllegalArgumentException e) {
            ErrorDialogs.show("Export as PNG", e);
        }
    }

    private void resetDefaults() {
        prefs.clear();
        window.state().presentation.scale.set(1.0);
        window.state().presentation.theme.set(Presentation.Theme.LIGHT);
        window.state().presentation.motion.set(true);
        window.controller().update(s -> io.backproplens.session.Settings.defaults());
    }

    private static FileChooser chooser(String title, String what, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        return c;
    }

    UserPrefs prefs() { return prefs; }
}
