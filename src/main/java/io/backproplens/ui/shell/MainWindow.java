package io.backproplens.ui.shell;

import io.backproplens.ui.core.Keys;
import io.backproplens.ui.activations.ActivationsView;
import io.backproplens.bench.ProcessVitals;
import io.backproplens.ui.code.EngineCodePanel;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.Notices;
import io.backproplens.ui.core.Presentation;
import io.backproplens.ui.core.Steppable;
import io.backproplens.ui.data.DataView;
import io.backproplens.ui.matmul.MatmulView;
import io.backproplens.ui.network.NetworkView;
import io.backproplens.ui.train.TrainView;

import io.backproplens.engine.Init;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.HiddenSidesPane;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window's content: the lesson bar, the views as tabs, a status bar with background progress,
 * the help overlay, and the keys that work everywhere.
 */
public final class MainWindow extends StackPane {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainWindow.class);
    private final Controller controller;
    private final BorderPane layout = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> tabById = new LinkedHashMap<>();
    private final NetworkView network;
    // Built when first shown (or asked for): the window must be up within 2 s of JVM start, and
    // every node in the scene costs CSS and layout time before the first frame.
    private MatmulView matmul;
    private ActivationsView activations;
    /** The lesson scene last chosen, or null: names the scene in a saved scene file. */
    private Lesson lesson;
    private DataView data;
    private TrainView train;
    /** The "Notebook's slips" scene, built when first shown. */
    private io.backproplens.ui.slips.SlipsView slips;
    private final EngineCodePanel code = new EngineCodePanel();
    private final SplitPane center = new SplitPane();
    private final HelpOverlay help = new HelpOverlay();
    private final Label caption = new Label();
    /** The caption's whole text; the desk shows it in one line where height is short. */
    private final OneLineCaption captionLine = new OneLineCaption(caption);
    /** Presenter mode's caption under the view: the same text, large enough for the back row. */
    private final Label bigCaption = new Label();
    private final AppMenu menu;
    private final ControlsBar controls;
    /** The menus, the lesson bar and the controls: what presenter mode folds away. */
    private final VBox chrome;
    private final StatusBar status;
    /** Presenter mode's layout: the view and the big caption; the chrome shows when the pointer nears the top. */
    private final HiddenSidesPane presenterPane = new HiddenSidesPane();
    private final BorderPane presenterStage = new BorderPane();
    /**
     * What presenter mode's pane slides in and out: holders, not the chrome and status bar
     * themselves. Its skin keeps placing the node it was given after that node is taken back (the
     * menu bar sat at y = -118, above the window, after F5 and Esc), so it is given a holder.
     */
    private final StackPane chromeHolder = new StackPane(), statusHolder = new StackPane();
    private final FieldFocus fieldFocus = new FieldFocus(this);
    /** Whether presenter mode put the stage into full screen (then leaving it ends full screen too). */
    private boolean fullScreenByPresenter;
    /** The network phase (forward, loss, backward) the caption describes, or null for other scenes. */
    private Lesson captionPhase;
    /** The scene whose sentence the caption shows (the lesson's, or the phase it stepped into), or null. */
    private Lesson captionOf;
    private boolean applyingLesson;
    /** The menus and the lesson's scene buttons (the desk's full chrome), wrapping at a large scale. */
    private final javafx.scene.layout.FlowPane lessonButtons = new javafx.scene.layout.FlowPane(4, 4);
    private VBox lessonBar;
    /** The compact chrome's one row: menu button, lesson Previous / scene / Next, the view, the init, Settings. */
    private final javafx.scene.layout.FlowPane compactRow = new javafx.scene.layout.FlowPane(10, 4);
    private final LessonNav lessonNav;
    /** The view in front, chosen from a list: the tab headers' place in the compact chrome. */
    private final javafx.scene.control.ComboBox<Tab> viewChoice = new javafx.scene.control.ComboBox<>();
    private boolean compact;
    /**
     * Below this many CSS pixels of height per unit of UI scale (the room a view really gets),
     * the chrome goes compact; above {@link #FULL_ROOM} it unfolds again. The gap between the two
     * keeps a window dragged near the limit from flipping back and forth. 1280x720 at 100% (and
     * 1920x1080 at 150%) fold: there the full chrome (menus, a lesson bar that wraps to two rows,
     * the controls bar, the tab headers) took about 250 of the 720 pixels and left the Network
     * view's inspector its title and no statistics.
     */
    static final double COMPACT_ROOM = 740, FULL_ROOM = 760;
    /**
     * Narrower than this many CSS pixels, the chrome folds too (and unfolds above {@link #FULL_WIDTH}):
     * 1024x768 at 100% has the height for the full chrome but not the width, so its lesson bar and
     * controls bar each wrapped to two rows, 230 of the 768 pixels, where the compact row, since it
     * sizes its lists to their entries, fits in one (about 520 CSS px).
     */
    static final double COMPACT_WIDTH = 1200, FULL_WIDTH = 1240;
    static final String INTRO = "The notebook as a lesson: pick a scene (Ctrl+1 to Ctrl+9), or explore the tabs. F1 lists the keys.";

    public MainWindow(Controller controller) {
        this.controller = controller;
        lessonNav = new LessonNav(this::showLesson, controller.state().presentation);
        getStyleClass().add("main-window");
        network = new NetworkView(controller);
        addView("network", "Network", network);
        addView("matmul", "Matmul", null);
        addView("activations", "Activations", null);
        addView("data", "Data", null);
        addView("train", "Train", null);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            build(now);
            tabChanged();
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        center.getItems().add(tabs);
        // The settings are global (every view follows them): under the lessons, above the views.
        menu = new AppMenu(this);
        controls = new ControlsBar(controller);
        chrome = new VBox(lessonBar = lessonBar(), controls) {
            // HiddenSidesPane asks for the height at no width: a wrapped bar must answer for the window's width.
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width < 0 && getScene() != null ? getScene().getWidth() : width);
            }
        };
        chrome.getStyleClass().add("chrome");
        status = statusBar(controller.state());
        layout.setTop(chrome);
        layout.setCenter(center);
        layout.setBottom(status);
        bigCaption.setId("presenter-caption");
        bigCaption.getStyleClass().add("presenter-caption");
        bigCaption.setWrapText(true);
        bigCaption.setMaxWidth(Double.MAX_VALUE);
        bigCaption.textProperty().bind(captionLine.text());
        presenterPane.setId("presenter-pane");
        presenterPane.setContent(presenterStage);
        getChildren().addAll(layout, help);
        setFocusTraversable(false);
        state().presentation.presenter.addListener((o, was, now) -> arrange(now));
        viewChoice();
        heightProperty().addListener(o -> fitChrome());
        widthProperty().addListener(o -> fitChrome());
        state().presentation.scale.addListener(o -> fitChrome());
        state().step.addListener(o -> stepChanged());
        // "Step it" in a derivation (the network view asks through the shared state).
        state().stepIt.addListener((o, was, now) -> {
            if (now == null) return;
            selectTab("matmul");
            matmul().stepElement(now);
        });
        state().pass.addListener(o -> passChanged());
        state().notices.onPost(this::showNotice);
        // A check takes seconds and runs in the background: say when it is done, whichever tab is in front.
        network.gradCheck().resultProperty().addListener((o, was, now) -> {
            if (now != null) state().notices.post("Gradient check finished", network.gradCheck().summaryText());
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, this::routeKey);
                fieldFocus.uninstall(was);
            }
            if (now != null) {
                // On the scene, not this pane: when nothing has focus the keys go to the scene itself.
                now.addEventFilter(KeyEvent.KEY_PRESSED, this::routeKey);
                fieldFocus.install(now);
            }
        });
    }

    /**
     * Presenter mode on or off, as F5 and the View menu do it: the layout, and full screen on a
     * desk (a snapshot sets {@link io.backproplens.ui.core.Presentation#presenter} alone, its
     * picture having the asked size).
     */
    public void setPresenter(boolean on) {
        state().presentation.presenter.set(on);
        if (!(getScene() != null && getScene().getWindow() instanceof Stage stage)) return;
        if (on && !stage.isFullScreen()) {
            fullScreenByPresenter = true;
            stage.setFullScreenExitHint("Presenter mode: Esc leaves it; move the pointer to the top edge for the menus.");
            stage.setFullScreen(true);
        } else if (!on && fullScreenByPresenter) {
            fullScreenByPresenter = false;
            stage.setFullScreen(false);
        }
        if (!stage.getProperties().containsKey(FULL_SCREEN_WATCH)) {
            stage.getProperties().put(FULL_SCREEN_WATCH, true);
            // Leaving full screen some other way (the platform's own Esc) leaves presenter mode too.
            stage.fullScreenProperty().addListener((o, was, now) -> {
                if (!now && fullScreenByPresenter) {
                    fullScreenByPresenter = false;
                    state().presentation.presenter.set(false);
                }
            });
        }
    }

    private static final String FULL_SCREEN_WATCH = "backproplens.fullScreenWatch";

    public boolean presenter() { return state().presentation.presenter.get(); }

    /** Moves the views between the desk layout and presenter mode's. */
    private void arrange(boolean presenter) {
        if (presenter) {
            layout.setTop(null);
            layout.setCenter(null);
            layout.setBottom(null);
            presenterStage.setCenter(center);
            presenterStage.setBottom(bigCaption);
            chromeHolder.getChildren().setAll(chrome);
            statusHolder.getChildren().setAll(status);
            presenterPane.setTop(chromeHolder);
            presenterPane.setBottom(statusHolder);
            getChildren().set(0, presenterPane);
            if (!tabs.getStyleClass().contains("presenter-tabs")) tabs.getStyleClass().add("presenter-tabs");
            // No text field keeps (or takes) the keys: the clicker and the keys go to the view.
            requestFocus();
        } else {
            presenterPane.setTop(null);
            presenterPane.setBottom(null);
            chromeHolder.getChildren().clear();
            statusHolder.getChildren().clear();
            presenterStage.setCenter(null);
            presenterStage.setBottom(null);
            // HiddenSidesPane hides a side by making it invisible: shown again on the desk.
            chrome.setVisible(true);
            status.setVisible(true);
            layout.setTop(chrome);
            layout.setCenter(center);
            layout.setBottom(status);
            getChildren().set(0, layout);
            tabs.getStyleClass().remove("presenter-tabs");
        }
    }

    /** Another view in front than the lesson's: its caption no longer describes what is shown. */
    private void tabChanged() {
        if (applyingLesson || lesson == null) return;
        if (!lesson.tab().equals(selectedTab())) {
            captionLine.text().set(INTRO);
            captionPhase = null;
            captionOf = null;
        }
    }

    /**
     * The network stepped into another phase (forward, loss, backward) than the scene's caption
     * describes: the caption follows, so it never tells the class about a step not on screen.
     */
    private void stepChanged() {
        if (applyingLesson || captionPhase == null || !"network".equals(selectedTab())) return;
        Lesson now = Lesson.phaseAt(state().pass.get(), state().step.get());
        if (now != null && now != captionPhase) {
            captionPhase = now;
            captionOf = now;
            captionLine.text().set(now.title() + ": " + now.caption(state().pass.get()));
        }
    }

    /** Another pass on screen (Trained switched on or off): the caption names the model now shown. */
    private void passChanged() {
        stepChanged();
        if (applyingLesson || captionOf == null) return;
        captionLine.text().set(captionOf.title() + ": " + captionOf.caption(state().pass.get()));
    }

    /** Builds a tab's view the first time it is needed. */
    private void build(Tab tab) {
        switch (tab.getId()) {
            case "tab-matmul" -> matmul();
            case "tab-activations" -> activations();
            case "tab-data" -> data();
            case "tab-train" -> train();
            default -> { }
        }
    }

    private void addView(String id, String title, Node view) {
        Tab tab = new Tab(title, view);
        tab.setId("tab-" + id);
        tabs.getTabs().add(tab);
        tabById.put(id, tab);
    }

    /**
     * Compact chrome or full, by the room the window has for its UI scale: {@code height / scale}
     * CSS pixels, with hysteresis. Text keeps its size; the chrome folds instead.
     */
    private void fitChrome() {
        double h = getHeight(), w = getWidth();
        if (h <= 0 || w <= 0) return;
        double scale = state().presentation.scale.get(), room = h / scale, across = w / scale;
        if (!compact && (room < COMPACT_ROOM || across < COMPACT_WIDTH)) setCompact(true);
        else if (compact && room > FULL_ROOM && across > FULL_WIDTH) setCompact(false);
        captionLine.setOneLine(compact && room < OneLineCaption.WRAP_ROOM);
    }

    /**
     * Compact: the menus under one button, the lesson bar as {@code ‹ 3 / 10 Data ▾ ›}, the view
     * chosen from a list instead of tab headers, and the controls bar's less-used fields behind
     * Settings, all in one row above the caption. Every key, menu item and field is still there.
     */
    void setCompact(boolean on) {
        if (on == compact) return;
        compact = on;
        menu.setCompact(on);
        controls.setCompact(on);
        if (on) {
            lessonButtons.getChildren().remove(menu);
            compactRow.getChildren().setAll(menu, lessonNav, viewChoice, controls);
            lessonBar.getChildren().setAll(compactRow, controls.messageLabel(), caption);
            chrome.getChildren().setAll(lessonBar);
            if (!tabs.getStyleClass().contains("compact-tabs")) tabs.getStyleClass().add("compact-tabs");
        } else {
            compactRow.getChildren().clear();
            lessonButtons.getChildren().add(0, menu);
            lessonBar.getChildren().setAll(lessonButtons, caption);
            chrome.getChildren().setAll(lessonBar, controls);
            tabs.getStyleClass().remove("compact-tabs");
        }
    }

    /** Whether the chrome is folded into one row (a window short for its UI scale). */
    public boolean compact() { return compact; }

    private void viewChoice() {
        viewChoice.setId("view-choice");
        viewChoice.getItems().setAll(tabs.getTabs());
        viewChoice.setFocusTraversable(false);
        viewChoice.setMinWidth(Region.USE_PREF_SIZE);
        viewChoice.setSkin(new FitComboSkin<>(viewChoice));
        viewChoice.setTooltip(new javafx.scene.control.Tooltip("The view in front (the tabs)"));
        javafx.util.Callback<javafx.scene.control.ListView<Tab>, javafx.scene.control.ListCell<Tab>> cells = v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Tab t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.getText());
            }
        };
        viewChoice.setCellFactory(cells);
        viewChoice.setButtonCell(cells.call(null));
        viewChoice.setValue(tabs.getSelectionModel().getSelectedItem());
        viewChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != tabs.getSelectionModel().getSelectedItem()) tabs.getSelectionModel().select(now);
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewChoice.setValue(now));
    }

    /** Menus and the lesson's scene buttons share one row (height is scarce at 1280x720); the caption below. */
    private VBox lessonBar() {
        // A FlowPane: at a large UI scale the scene buttons wrap onto a second row instead of being cut.
        javafx.scene.layout.FlowPane buttons = lessonButtons;
        buttons.setId("lesson-bar");
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        buttons.getChildren().add(menu);
        for (Lesson l : Lesson.values()) {
            Button b = new Button((l.ordinal() + 1) + " " + l.title());
            b.setId("lesson-" + l.name().toLowerCase());
            b.getStyleClass().add("lesson-button");
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> showLesson(l));
            buttons.getChildren().add(b);
        }
        captionLine.text().set(INTRO);
        caption.setId("lesson-caption");
        caption.getStyleClass().add("lesson-caption");
        VBox.setMargin(caption, new Insets(0, 0, 0, 8));
        compactRow.setId("compact-bar");
        compactRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        compactRow.getStyleClass().add("compact-bar");
        VBox bar = new VBox(2, buttons, caption);
        bar.setPadding(new Insets(2, 8, 4, 0));
        bar.getStyleClass().add("lesson-bar");
        return bar;
    }

    private static StatusBar statusBar(AppState state) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(state.status);
        bar.progressProperty().bind(state.progress);
        return bar;
    }

    /** Shows a lesson scene: its view in front, its step, its caption. */
    public void showLesson(Lesson lesson) {
        applyingLesson = true;
        try {
            lesson.apply(this);
        } finally {
            applyingLesson = false;
        }
        captionLine.text().set(lesson.title() + ": " + lesson.caption(state().pass.get()));
        captionOf = lesson;
        this.lesson = lesson;
        lessonNav.showing(lesson);
        captionPhase = lesson.tab().equals("network") ? Lesson.phaseAt(state().pass.get(), state().step.get()) : null;
        // Scenes chosen before the first pass: the phase is known when the pass arrives.
        if (captionPhase == null && lesson.tab().equals("network")) captionPhase = lesson.phase();
    }

    /** The lesson caption as shown (the desk's and presenter mode's are the same text). */
    public String caption() { return captionLine.text().get(); }

    public void selectTab(String id) {
        Tab tab = tabById.get(id);
        if (tab == null) throw new IllegalArgumentException("unknown view '" + id + "'");
        tabs.getSelectionModel().select(tab);
    }

    /** The id of the view in front. */
    public String selectedTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t.getId().substring("tab-".length());
    }

    /** The engine's code beside the view in front (the Module refactor scene), or not. */
    public void showCode(boolean on) {
        // The code is the lesson here: Python and Java side by side need the whole width, and a
        // graph squeezed beside them could not be read (measured: 432 of the audit's problems).
        // Any other scene, or a lesson button, brings the views back.
        if (on && !center.getItems().contains(code)) center.getItems().setAll(code);
        else if (!on && !center.getItems().contains(tabs)) center.getItems().setAll(tabs);
    }

    public boolean codeShown() { return center.getItems().contains(code); }

    /**
     * The notebook's slips in place of the views (its lesson scene), or the views back. Like the
     * Module scene's code, it takes the whole width: its tables are read, not glanced at.
     */
    public void showSlips(boolean on) {
        if (on && !center.getItems().contains(slips())) center.getItems().setAll(slips());
        else if (!on && !center.getItems().contains(tabs)) center.getItems().setAll(tabs);
    }

    public boolean slipsShown() { return slips != null && center.getItems().contains(slips); }

    public io.backproplens.ui.slips.SlipsView slips() {
        if (slips == null) {
            slips = new io.backproplens.ui.slips.SlipsView(controller);
            LOG.info("Slips view built {}", ProcessVitals.summary());
        }
        return slips;
    }

    /** The view in front, as a region (for PNG export). */
    public javafx.scene.layout.Region front() {
        return (javafx.scene.layout.Region) tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /**
     * Keys that work everywhere ({@link Keys}), filtered at the scene so they reach the view in
     * front whatever has focus. A text field keeps the keys it types (letters, Home, End) and, while
     * it is being edited ({@link FieldFocus#editing}), the clicker's keys too.
     */
    private void routeKey(KeyEvent e) {
        int i;
        Node focus = getScene().getFocusOwner();
        boolean inField = focus instanceof TextInputControl;
        if (Keys.FULL_SCREEN.match(e) >= 0) {
            Stage stage = (Stage) getScene().getWindow();
            stage.setFullScreen(!stage.isFullScreen());
        } else if (Keys.PRESENTER.match(e) >= 0) {
            setPresenter(!presenter());
        } else if (Keys.HELP.match(e) == 1 || Keys.HELP.match(e) == 0 && !inField) {
            help.toggle();
        } else if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
        } else if (e.getCode() == KeyCode.ESCAPE && !inField && presenter()) {
            setPresenter(false);
        } else if ((i = Keys.SCENE.match(e)) >= 0) {
            if (i < Lesson.values().length) showLesson(Lesson.values()[i]);
        } else if ((i = Keys.SCALE.match(e)) >= 0) {
            switch (i) {
                case 0 -> menu.zoom(+0.25);
                case 1 -> menu.zoom(-0.25);
                default -> controller.state().presentation.scale.set(1.0);
            }
        } else if (e.isShortcutDown() || e.isAltDown()) {
            return;
        } else if (inField) {
            boolean clicker = Keys.NEXT.match(e) >= 0 || Keys.PREVIOUS.match(e) >= 0;
            if (!clicker || fieldFocus.editing() || !stepKey(e)) return;
        } else if ((i = Keys.INIT.match(e)) >= 0) {
            Init init = Keys.INITS.get(i);
            controller.update(s -> s.withInit(init));
        } else if (!stepKey(e)) {
            return;
        }
        e.consume();
    }

    /** The view in front, if it walks through steps. */
    public java.util.Optional<Steppable> frontSteppable() {
        return tabs.getSelectionModel().getSelectedItem().getContent() instanceof Steppable view
                ? java.util.Optional.of(view) : java.util.Optional.empty();
    }

    /** Next, Previous, Play, Home, End for the view in front; in predict mode Next reveals first. */
    private boolean stepKey(KeyEvent e) {
        if (!(tabs.getSelectionModel().getSelectedItem().getContent() instanceof Steppable view)) return false;
        AppState s = controller.state();
        if (Keys.NEXT.match(e) >= 0) {
            s.next(view);
        } else if (Keys.PREVIOUS.match(e) >= 0) {
            s.hidden.set(false);
            view.previous();
        } else if (Keys.RESET.match(e) >= 0) {
            view.reset();
        } else if (Keys.JUMP_TO_END.match(e) >= 0) {
            view.end();
        } else if (Keys.PLAY.match(e) >= 0) {
            view.togglePlay();
        } else {
            return false;
        }
        return true;
    }

    /** Opens the network at the first backward step (now, or when the first pass arrives). */
    void stepToFirstBackward() {
        if (state().pass.get() != null) {
            state().step.set(Lesson.firstBackward(state().pass.get()));
            return;
        }
        state().pass.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends io.backproplens.session.PassResult> o,
                                io.backproplens.session.PassResult was, io.backproplens.session.PassResult now) {
                if (now == null) return;
                o.removeListener(this);
                // After the network view's own listener, which lands a pending moment first.
                Platform.runLater(() -> {
                    if (lesson == Lesson.BACKWARD && "network".equals(selectedTab())) state().step.set(Lesson.firstBackward(now));
                });
            }
        });
    }

    /** Moves the network's step cursor, clamped to the current pass's trace. */
    public void stepTo(int step) {
        var pass = state().pass.get();
        state().step.set(pass == null ? step : Math.min(step, pass.trace().size() - 1));
    }

    /** Saves what is on screen as a scene file a teacher can reopen in class. */
    public void saveScene(Path file) throws IOException {
        Lesson lesson = this.lesson;
        String scene = lesson != null && lesson.tab().equals(selectedTab()) ? lesson.name().toLowerCase() : selectedTab();
        SceneFile.of(scene, state().settings.get(), state().step.get(), state().sample.get(), matmul().matmulState()).write(file);
        state().notices.post("Scene saved", "Saved the scene to " + file);
    }

    /**
     * A notice as a ControlsFX notification at the window's bottom right, gone after a few seconds.
     * Its content is ours, at the UI scale's font size: a popup does not inherit the window's.
     */
    private void showNotice(Notices.Notice notice) {
        javafx.stage.Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner == null || !owner.isShowing()) return;
        // The text at the main content's size for the UI scale (ControlsFX's own is 1.17 em of the base).
        double px = state().presentation.fontPx() * 1.25;
        Label title = new Label(notice.title());
        title.getStyleClass().add("title");
        title.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        // A Text, not a wrapped Label: the notification sizes itself before laying out, and a Text's
        // size is its wrapped lines', so no line is cut. A long path wraps at half the window.
        javafx.scene.text.Text text = new javafx.scene.text.Text(notice.text());
        text.getStyleClass().add("notice-text");
        text.setFont(javafx.scene.text.Font.font(px));
        text.setWrappingWidth(Math.min(owner.getWidth() / 2, Math.ceil(text.getLayoutBounds().getWidth()) + 2));
        VBox content = new VBox(state().presentation.fontPx() / 4, title, text);
        content.getStyleClass().add("lens-notice");
        Notifications n = Notifications.create().owner(owner).graphic(content)
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(6));
        if (state().presentation.theme.get() == Presentation.Theme.DARK) n = n.darkStyle();
        n.show();
    }

    /** A scene file read and checked, with the lesson it names (null when it names a view). */
    private record Opened(SceneFile file, Lesson lesson, String refusal) {}

    /**
     * Opens a scene file: read and checked in the background (a scene file is untrusted input and
     * may be a pipe, a device or huge), then applied on the FX thread only if every value is valid.
     * A refused file changes nothing and its message is shown.
     *
     * @return completes on the FX thread with null when the scene was applied, else the message shown
     */
    public CompletableFuture<String> openScene(Path file) {
        CompletableFuture<String> done = new CompletableFuture<>();
        controller.background().submit("Opening " + file.getFileName(), () -> check(file), o -> {
            if (o.refusal() != null) {
                ErrorDialogs.show("Could not open the scene", new IOException(o.refusal()));
                done.complete(o.refusal());
                return;
            }
            apply(o);
            done.complete(null);
        });
        return done;
    }

    private Opened check(Path file) {
        try {
            SceneFile f = SceneFile.read(file);
            if (tabById.containsKey(f.scene())) return new Opened(f, null, null);
            try {
                return new Opened(f, Lesson.parse(f.scene()), null);
            } catch (IllegalArgumentException e) {
                return new Opened(null, null, file.getFileName() + ": unknown scene '" + f.scene() + "'");
            }
        } catch (IOException e) {
            return new Opened(null, null, e.getMessage());
        }
    }

    private void apply(Opened o) {
        SceneFile f = o.file();
        if (o.lesson() != null) showLesson(o.lesson());
        else selectTab(f.scene());
        state().sample.set(f.sample());
        state().step.set(f.step());
        if (f.matmul() != null) matmul().restore(f.matmul());
        controller.update(s -> f.settings());
    }

    public Controller controller() { return controller; }

    public AppState state() { return controller.state(); }

    public TabPane tabs() { return tabs; }

    public NetworkView network() { return network; }

    public MatmulView matmul() {
        if (matmul == null) {
            tabById.get("matmul").setContent(matmul = new MatmulView(controller));
            LOG.info("Matmul view built {}", ProcessVitals.summary());
        }
        return matmul;
    }

    public ActivationsView activations() {
        if (activations == null) {
            tabById.get("activations").setContent(activations = new ActivationsView(controller));
            LOG.info("Activations view built {}", ProcessVitals.summary());
        }
        return activations;
    }

    public DataView data() {
        if (data == null) {
            tabById.get("data").setContent(data = new DataView(controller));
            LOG.info("Data view built {}", ProcessVitals.summary());
        }
        return data;
    }

    public TrainView train() {
        if (train == null) {
            tabById.get("train").setContent(train = new TrainView(controller));
            LOG.info("Train view built {}", ProcessVitals.summary());
        }
        return train;
    }

    /** Toggles the help overlay (menu). */
    public void toggleHelp() { help.toggle(); }

    /** Closes the app as the window's close button would. */
    public void quit() { Platform.exit(); }
}
