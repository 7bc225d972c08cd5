package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

/**
 * {@code log_softmax}: {@code inp - inp.logsumexp(-1, keepdim=True)}, the log of each row's
 * probabilities (03_minibatch_training). The log-sum-exp subtracts the row's max first, so large
 * logits cannot overflow {@code exp}.
 */
public final class LogSoftmax extends Module {
    public LogSoftmax(String name, String outName) { super(name, outName, List.of("inp"), Map.of()); }

    @Override
    protected void forward(Step s) {
        s.out("{out} = {inp} - {inp}.logsumexp(-1, keepdim=True)", () -> {
            INDArray shifted = s.v("inp").subColumnVector(s.v("inp").max(true, 1));
            INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
            return shifted.subiColumnVector(lse);
        });
    }

    /** d out_j / d inp_k = [j == k] - softmax_k, so inp.g = out.g - softmax * (row sum of out.g). */
    @Override
    protected void bwd(Step s) {
        s.grad("{inp}.g = {out}.g - {out}.exp() * {out}.g.sum(-1, keepdim=True)", () ->
                s.g("out").sub(Transforms.exp(s.v("out"), true).muliColumnVector(s.g("out").sum(true, 1))));
    }
}
