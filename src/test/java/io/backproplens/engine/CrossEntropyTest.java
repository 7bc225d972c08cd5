package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ce head: log_softmax and nll, checked against SameDiff, finite differences and by hand. */
class CrossEntropyTest {

    static GradientCheck.Problem problem(Init init) {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 64, Weights.INPUTS);
        INDArray y = Nd4j.createFromArray(new java.util.Random(9).ints(64, 0, 10).asDoubleStream().toArray());
        Weights w = Params.init(init, 1, 16, 10, 42, DataType.DOUBLE).weights();
        return new GradientCheck.Problem(w, Head.CE, 0, x, y);
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void ceGradientsMatchSameDiffAndFiniteDifferences(Init init) {
        GradientCheck.Result r = GradientCheck.run(problem(init), 8, 1);

        assertThat(r.checks()).hasSize(10);
        assertThat(r.checks()).allSatisfy(c -> assertThat(c.pass()).as(c.toString()).isTrue());
        assertThat(r.loss()).isCloseTo(r.referenceLoss(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void ceCheckFailsWhenAGradientIsCorrupted() {
        GradientCheck.Problem p = problem(Init.KAIMING);
        Map<String, INDArray> grads = GradientCheck.engineGradients(p);
        INDArray w2g = grads.get("w2").dup();
        w2g.putScalar(2, 7, w2g.getDouble(2, 7) * 1.01 + 1e-3);
        grads.put("w2", w2g);

        GradientCheck.Result r = GradientCheck.compare(grads, p, 8, 1);

        assertThat(r.checks()).filteredOn(c -> !c.pass()).extracting(GradientCheck.Check::tensor).containsOnly("w2");
        assertThat(r.checks()).filteredOn(c -> c.tensor().equals("w2") && c.reference().equals(GradientCheck.SAMEDIFF))
                .allSatisfy(c -> assertThat(c.pass()).isFalse());
    }

    /** By hand for one row: log-probabilities of logits (1, 2, 3) and the loss of label 2. */
    @Test
    void logSoftmaxAndNllOfOneRowByHand() {
        Model m = new Model(List.of(new LogSoftmax("log_softmax", "sm_pred")), new Nll("nll", "loss"));
        Tensor logits = new Tensor("out", Nd4j.createFromArray(new double[][]{{1, 2, 3}, {1000, 0, -1000}}));
        Tensor loss = m.call(logits, new Tensor("y", Nd4j.createFromArray(2.0, 0.0)));
        m.backward();

        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        INDArray sm = m.layers().get(0).out().value();
        assertThat(sm.getDouble(0, 0)).isCloseTo(1 - lse, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sm.getDouble(1, 0)).as("no overflow for large logits").isEqualTo(0.0);
        assertThat(loss.value().getDouble(0)).isCloseTo(-((3 - lse) + 0.0) / 2, org.assertj.core.data.Offset.offset(1e-12));
        // d loss / d logit_k = (softmax_k - [k == label]) / n
        for (int k = 0; k < 3; k++) {
            double softmax = Math.exp(k + 1 - lse);
            assertThat(logits.g().getDouble(0, k)).isCloseTo((softmax - (k == 2 ? 1 : 0)) / 2, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(m.trace().get(0).bound()).containsExactly("sm_pred = out - out.logsumexp(-1, keepdim=True)");
        assertThat(m.trace().get(1).bound()).containsExactly("loss = -sm_pred[range(y.shape[0]), y].mean()");
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        Model m = new Model(List.of(new LogSoftmax("log_softmax", "sm_pred")), new Nll("nll", "loss"));
        Tensor logits = new Tensor("out", Nd4j.zeros(DataType.DOUBLE, 2, 10));
        assertThatThrownBy(() -> m.call(logits, new Tensor("y", Nd4j.createFromArray(3.0, 10.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 10.0");
    }

    @Test
    void deeperStacksAreNamedLayerByLayerAndDepthOneIsTheNotebooksNetwork() {
        Params deep = Params.init(Init.KAIMING, 3, 6, 10, 5, DataType.DOUBLE);
        Model m = Model.stack(deep, Head.CE, 0);
        assertThat(m.layers()).extracting(Module::name).containsExactly(
                "lin1", "relu1", "lin2", "relu2", "lin3", "relu3", "lin4", "log_softmax");
        assertThat(m.params()).extracting(Tensor::name).containsExactly("w1", "b1", "w2", "b2", "w3", "b3", "w4", "b4");
        assertThat(deep.w(2).shape()).containsExactly(6, 6);
        assertThat(deep.w(4).shape()).containsExactly(6, 10);

        Weights w = Weights.init(Init.NOTEBOOK, 7, 13, DataType.FLOAT);
        Params one = Params.init(Init.NOTEBOOK, 1, 7, 1, 13, DataType.FLOAT);
        for (int i = 0; i < 4; i++) assertThat(one.tensors().get(i).value()).isEqualTo(w.all().get(i).value());
        assertThat(Model.stack(one, Head.MSE, 0).layers()).extracting(Module::name).containsExactly("lin1", "relu", "lin2");
    }
}
