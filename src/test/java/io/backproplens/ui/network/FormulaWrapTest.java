package io.backproplens.ui.network;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A formula and its shapes cut into pieces for a narrow panel: each shape stays under its tensor, nothing is lost. */
class FormulaWrapTest {
    private static final Pattern WORD = Pattern.compile("\\S+");

    @Test
    void piecesFitTheColumnsAndKeepEveryShapeUnderItsTensor() {
        String[] aligned = TraceCursor.alignShapes("l2.g = out.g @ w2.t()", java.util.Map.of(
                "l2.g", ref(50000, 50), "out.g", ref(50000, 1), "w2", ref(50, 1)));
        for (int columns = 10; columns <= 40; columns++) {
            List<String[]> parts = FormulaPanel.wrap(aligned[0], aligned[1], columns, "  ");
            List<String> top = new ArrayList<>(), shapes = new ArrayList<>();
            for (String[] p : parts) {
                // No piece is longer than the room: from 10 columns on there is a place to cut in every piece.
                assertThat(p[0].length()).as(columns + " columns: '" + p[0] + "'").isLessThanOrEqualTo(columns);
                assertThat(p[1].length()).as(columns + " columns: '" + p[1] + "'").isLessThanOrEqualTo(columns);
                Matcher m = WORD.matcher(p[1]);
                while (m.find()) {
                    // A shape starts where its tensor's name does in the line above.
                    assertThat(m.start() < p[0].length() && p[0].charAt(m.start()) != ' ' && (m.start() == 0 || p[0].charAt(m.start() - 1) == ' '))
                            .as(columns + " columns: shape '" + m.group() + "' under the start of a name in '" + p[0] + "'").isTrue();
                    shapes.add(m.group());
                }
                top.add(p[0].strip());
            }
            assertThat(String.join(" ", top).replaceAll("\\s+", "")).isEqualTo(aligned[0].replaceAll("\\s+", ""));
            assertThat(shapes).containsExactly("50000x50", "50000x1", "1x50");
        }
    }

    @Test
    void aLongExpressionIsCutAfterAnOperatorWhereItHasNoSpace() {
        String f = "out.g = 2*(out.squeeze()-y).unsqueeze(-1) / y.shape[0]";
        List<String[]> parts = FormulaPanel.wrap(f, "", 24, "  ");
        for (String[] p : parts) assertThat(p[0].length()).as(p[0]).isLessThanOrEqualTo(24);
        assertThat(String.join("", parts.stream().map(p -> p[0]).toList()).replaceAll("\\s", "")).isEqualTo(f.replaceAll("\\s", ""));
        assertThat(parts.get(1)[0]).startsWith("  ");
    }

    private static io.backproplens.engine.TensorRef ref(long... shape) {
        return new io.backproplens.engine.TensorRef("t", false, org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, shape));
    }
}
