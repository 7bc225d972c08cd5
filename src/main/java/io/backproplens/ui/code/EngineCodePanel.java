package io.backproplens.ui.code;

import io.backproplens.ui.audit.LayoutAudit;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.List;
import java.util.Map;

/**
 * The notebook's last cell beside the engine that ran: one tab per class ({@code Module},
 * {@code Relu}, {@code Lin}, {@code Mse}, {@code Model}), each method of the Python on the left and
 * the Java that does the same on its right. The Java is the engine's own source, copied onto the
 * class path by the build, so what students read is what runs.
 */
public final class EngineCodePanel extends TabPane {

    public EngineCodePanel() {
        setId("code-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Map<String, Map<String, String>> python = SideBySide.python(SideBySide.resource("/notebook/module_refactor.py"));
        for (String name : SideBySide.CLASSES) {
            List<SideBySide.Row> rows = SideBySide.rows(python.getOrDefault(name, Map.of()),
                    SideBySide.java(name, SideBySide.resource("/engine-source/" + name + ".java")));
            getTabs().add(new Tab(name, table(rows)));
        }
    }

    private static ScrollPane table(List<SideBySide.Row> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("code-compare");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        grid.addRow(0, heading("notebook (Python)"), heading("engine (Java)"));
        for (int i = 0; i < rows.size(); i++) {
            SideBySide.Row r = rows.get(i);
            grid.addRow(i + 1, code(r.python(), i), code(r.java(), i));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // Model's and Module's Java are longer than a projector is tall: reading them means scrolling.
        scroll.getProperties().put(LayoutAudit.SCROLLS, true);
        return scroll;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("code-heading");
        return l;
    }

    private static Label code(String text, int row) {
        Label l = new Label(text);
        l.getStyleClass().addAll("code-text", row % 2 == 0 ? "code-row-even" : "code-row-odd");
        l.setWrapText(true);
        l.setAlignment(Pos.TOP_LEFT);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        GridPane.setValignment(l, VPos.TOP);
        GridPane.setFillHeight(l, true);
        return l;
    }
}
