package io.backproplens.ui.code;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Module refactor scene pairs each method of the notebook with the engine's, from the real sources. */
class SideBySideTest {
    private static final Map<String, Map<String, String>> PYTHON =
            SideBySide.python(SideBySide.resource("/notebook/module_refactor.py"));

    private static List<SideBySide.Row> rows(String cls) {
        return SideBySide.rows(PYTHON.get(cls), SideBySide.java(cls, SideBySide.resource("/engine-source/" + cls + ".java")));
    }

    private static SideBySide.Row row(String cls, String member) {
        return rows(cls).stream().filter(r -> r.member().equals(member)).findFirst().orElseThrow();
    }

    @Test
    void theNotebookHasTheFiveClassesTheEngineShows() {
        assertThat(PYTHON.keySet()).containsExactlyElementsOf(SideBySide.CLASSES);
    }

    @Test
    void linsMethodsSitBesideTheirJava() {
        assertThat(rows("Lin")).extracting(SideBySide.Row::member).startsWith("class", "__init__", "forward", "bwd");
        assertThat(row("Lin", "forward").python()).contains("return inp@self.w + self.b");
        assertThat(row("Lin", "forward").java()).contains("\"{out} = {inp} @ {w} + {b}\"");
        assertThat(row("Lin", "bwd").python()).contains("self.w.g = inp.t() @ out.g");
        assertThat(row("Lin", "bwd").java()).contains("\"{w}.g = {inp}.t() @ {out}.g\"");
        assertThat(row("Lin", "__init__").java()).contains("public Lin(");
    }

    @Test
    void modelsCallAndBackwardPairUp() {
        assertThat(row("Model", "__call__").python()).contains("for l in self.layers: x = l(x)");
        assertThat(row("Model", "__call__").java()).contains("public Tensor call(Tensor x, Tensor targ)");
        assertThat(row("Model", "backward").java()).contains("loss.backward();");
        assertThat(row("Module", "backward").python()).contains("self.bwd(self.out, *self.args)");
        assertThat(row("Module", "backward").java()).contains("bwd(s);");
    }

    @Test
    void theJavaShowsNoPackageImportsJavadocOrAnnotations() {
        for (String cls : SideBySide.CLASSES) {
            for (SideBySide.Row r : rows(cls)) {
                assertThat(r.java()).as(cls + "." + r.member())
                        .doesNotContain("/**", "import ", "package ", "@Override").doesNotContainPattern("(?m)^\\s*\\* ");
            }
        }
    }
}
