package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each equation is declared once; its texts, reads and writes all come from that one template. */
class EquationTest {

    private static Tensor t(String name, long... shape) {
        Nd4j.getRandom().setSeed(name.hashCode());
        return new Tensor(name, Nd4j.randn(DataType.DOUBLE, shape));
    }

    private static List<String> labels(List<TensorRef> refs) { return refs.stream().map(TensorRef::label).toList(); }

    @Test
    void aTemplateGivesTheNotebooksTextItsWriteAndItsReads() {
        Equation e = Equation.parse("{w}.g = {inp}.t() @ {out}.g");

        assertThat(e.notebook()).isEqualTo("w.g = inp.t() @ out.g");
        assertThat(e.writes()).isEqualTo(new Equation.Slot("w", true));
        assertThat(e.reads()).containsExactly(new Equation.Slot("inp", false), new Equation.Slot("out", true));
    }

    @Test
    void bindingIsOnePassSoTensorsNamedLikeSlotsCannotBeRenamedTwice() {
        // The old regex chain turned this into "l3.g = l3.g @ w3.t()".
        Equation e = Equation.parse("{inp}.g = {out}.g @ {w}.t()");
        Map<String, String> names = Map.of("inp", "out", "out", "l3", "w", "b", "b", "w");

        assertThat(e.bind(names::get)).isEqualTo("out.g = l3.g @ b.t()");
    }

    @Test
    void aLinWhoseInputIsNamedOutPrintsItsOwnNames() {
        Lin narrow = new Lin("lin3", t("w3", 4, 1), t("b3", 1), "l3");
        Model m1 = new Model(List.of(narrow), new Mse("mse", "loss"));
        m1.call(t("out", 5, 4), new Tensor("y", Nd4j.zeros(DataType.DOUBLE, 5)));
        m1.backward();

        TraceStep fwd = m1.trace().get(0), bwd = m1.trace().get(3);
        assertThat(fwd.bound()).containsExactly("l3 = out @ w3 + b3");
        assertThat(bwd.bound()).containsExactly("out.g = l3.g @ w3.t()", "w3.g = out.t() @ l3.g", "b3.g = l3.g.sum(0)");
        assertThat(bwd.formulas()).containsExactly("inp.g = out.g @ w.t()", "w.g = inp.t() @ out.g", "b.g = out.g.sum(0)");
        assertThat(labels(bwd.writes())).containsExactly("out.g", "w3.g", "b3.g");
    }

    @Test
    void lin1WithoutXgReadsOnlyL1gAndX() {
        Weights w = Weights.init(Init.KAIMING, 3, 1, DataType.DOUBLE);
        Model m = Model.notebook(w, 0);  // lin1's x.g is off by default
        m.call(new Tensor("x", Nd4j.randn(DataType.DOUBLE, 4, Weights.INPUTS)), new Tensor("y", Nd4j.zeros(DataType.DOUBLE, 4)));
        m.backward();

        TraceStep lin1 = m.trace().get(7);
        assertThat(lin1.title()).isEqualTo("lin1 (backward)");
        assertThat(labels(lin1.reads())).containsExactly("x", "l1.g");
        assertThat(labels(lin1.writes())).containsExactly("w1.g", "b1.g");

        m.inputGrad(true);
        m.call(new Tensor("x", Nd4j.randn(DataType.DOUBLE, 4, Weights.INPUTS)), new Tensor("y", Nd4j.zeros(DataType.DOUBLE, 4)));
        m.backward();
        assertThat(labels(m.trace().get(7).reads())).containsExactly("l1.g", "w1", "x");
    }

    @Test
    void everyEquationOfAPassReadsExactlyTheTensorsItsTemplateNames() {
        Model m = Model.notebook(Weights.init(Init.XAVIER, 3, 1, DataType.DOUBLE), 0.5).inputGrad(true);
        m.call(new Tensor("x", Nd4j.randn(DataType.DOUBLE, 4, Weights.INPUTS)), new Tensor("y", Nd4j.ones(DataType.DOUBLE, 4)));
        m.backward();

        // A tensor name in the bound text: an identifier not after a dot (so not .sum or .float), with its .g.
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*(\\.g(?![A-Za-z0-9_]))?");
        int lines = 0;
        for (TraceStep s : m.trace().steps()) {
            for (TraceStep.Line l : s.lines()) {
                java.util.Set<String> shown = new java.util.TreeSet<>();
                name.matcher(l.bound()).results().forEach(r -> shown.add(r.group()));
                java.util.Set<String> touched = new java.util.TreeSet<>(labels(l.reads()));
                touched.add(l.writes().label());
                assertThat(shown).as(l.bound()).isEqualTo(touched);
                lines++;
            }
        }
        assertThat(lines).isEqualTo(4 + 1 + 3 + 1 + 3);
    }

    /** A module whose code reads a tensor its template does not name. */
    static final class Sneaky extends Module {
        private final String template;

        Sneaky(String template, Tensor w, Tensor b) {
            super("sneaky", "o", List.of("inp"), Map.of("w", w, "b", b));
            this.template = template;
        }

        @Override protected void forward(Step s) { s.out(template, () -> s.v("inp").mmul(s.v("w")).addRowVector(s.v("b"))); }

        @Override protected void bwd(Step s) {}
    }

    @Test
    void codeThatTouchesATensorItsTemplateDoesNotNameIsRefused() {
        Tensor w = t("w", 3, 2), b = t("b", 2), x = t("x", 4, 3);

        assertThatThrownBy(() -> new Sneaky("{out} = {inp} @ {w}", w, b).call(x))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{inp} @ {w}");
        assertThatThrownBy(() -> new Sneaky("{out} = {inp} @ {w} + {b} * {inp}.g", w, b).call(x))
                .isInstanceOf(IllegalStateException.class);
        INDArray ok = new Sneaky("{out} = {inp} @ {w} + {b}", w, b).call(x).value();
        assertThat(ok.shape()).containsExactly(4, 2);
    }
}
