package io.backproplens.ui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

/** The window's content: the views as tabs, a status bar with background progress, key routing. */
public final class MainWindow extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final Controller controller;

    public MainWindow(Controller controller) {
        this.controller = controller;
        getStyleClass().add("main-window");
        // The settings are global: every view follows them.
        setTop(new ControlsBar(controller));
        addView("Network", new NetworkView(controller));
        addView("Matmul", new MatmulView(controller));
        addView("Activations", new ActivationsView(controller));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setBottom(statusBar(controller.state()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::routeKey);
    }

    private void addView(String title, javafx.scene.Node view) {
        Tab tab = new Tab(title, view);
        tab.setId("tab-" + title.toLowerCase());
        tabs.getTabs().add(tab);
    }

    private static StatusBar statusBar(AppState state) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(state.status);
        bar.progressProperty().bind(state.progress.multiply(1.0));
        // An idle bar shows no progress; a busy one an indeterminate spinner.
        state.busy.addListener((o, was, busy) -> {
            if (!busy) bar.progressProperty().unbind();
            if (!busy) bar.setProgress(0);
            else bar.progressProperty().bind(state.progress.multiply(1.0));
        });
        return bar;
    }

    /** Next/Previous keys go to the view in front, unless the user is typing in a field. */
    private void routeKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) return;
        if (!(tabs.getSelectionModel().getSelectedItem().getContent() instanceof Steppable view)) return;
        KeyCode c = e.getCode();
        switch (c) {
            case RIGHT, SPACE, PAGE_DOWN -> view.next();
            case LEFT, PAGE_UP -> view.previous();
            case HOME -> view.reset();
            case P -> view.togglePlay();
            default -> { return; }
        }
        e.consume();
    }

    public TabPane tabs() { return tabs; }

    public Controller controller() { return controller; }
}
