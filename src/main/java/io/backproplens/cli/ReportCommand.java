package io.backproplens.cli;

import io.backproplens.data.Mnist;
import io.backproplens.engine.Tensor;
import io.backproplens.session.Dataset;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.stats.Summary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The notebook's numbers (02_fully_connected, cells 18-54) as one table or one JSON object. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The notebook's table: data shapes and statistics before and after normalising, "
                + "the chosen init's weights and activations on x_valid, the training loss, and the time "
                + "of one forward and backward pass on the whole training set.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    DataOption data;
    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    /** One row of the table: a name, a shape and (except labels) its mean and std. */
    record Row(String key, String label, long[] shape, Summary stats) {}

    @Override
    public Integer call() throws Exception {
        Settings settings = model.settings(spec.commandLine(), 0);
        Mnist m = data.load();
        Dataset d = Datasets.normalized(m);
        List<Row> dataRows = List.of(
                new Row("x_train", "x_train", m.xTrain().shape(), Summary.of(m.xTrain())),
                new Row("y_train", "y_train", m.yTrain().shape(), null),
                new Row("x_valid", "x_valid", m.xValid().shape(), Summary.of(m.xValid())),
                new Row("y_valid", "y_valid", m.yValid().shape(), null),
                new Row("x_train_normalized", "x_train normalized", d.xTrain().shape(), Summary.of(d.xTrain())),
                new Row("x_valid_normalized", "x_valid normalized", d.xValid().shape(), Summary.of(d.xValid())));
        PassResult r = new Session(d, DataType.FLOAT).run(settings);
        INDArray w1 = r.weights().w1().value();
        Row w1Row = new Row("w1", "w1", w1.shape(), Summary.of(w1));
        List<Row> layers = List.of(
                new Row("lin1", "lin(x_valid, w1, b1)", r.validLin1().shape(), Summary.of(r.validLin1())),
                new Row("relu", "relu(lin(x_valid, w1, b1))", r.validRelu().shape(), Summary.of(r.validRelu())),
                new Row("lin2", "model(x_valid)", r.validLin2().shape(), Summary.of(r.validLin2())));

        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Text.json(tree(settings, d, dataRows, w1Row, layers, r)));
        else printTable(out, settings, d, dataRows, w1Row, layers, r);
        out.flush();
        return 0;
    }

    private static Map<String, Object> tree(Settings s, Dataset d, List<Row> dataRows, Row w1, List<Row> layers, PassResult r) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Row row : dataRows) data.put(row.key(), stats(row));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("source", d.source());
        o.put("data", data);
        o.put("train_mean", d.rawTrainMean());
        o.put("train_std", d.rawTrainStd());
        o.put("init", s.init().id());
        o.put("seed", s.seed());
        o.put("nh", s.nh());
        o.put("relu_shift", s.reluShift());
        o.put("w1", stats(w1));
        List<Object> ls = new ArrayList<>();
        for (Row row : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", row.key());
            l.put("expression", row.label());
            l.putAll(stats(row));
            ls.add(l);
        }
        o.put("layers", ls);
        o.put("output_shape", Text.shape(r.validLin2().shape()));
        o.put("loss", r.loss());
        o.put("forward_ms", r.forwardNanos() / 1e6);
        o.put("backward_ms", r.backwardNanos() / 1e6);
        return o;
    }

    private static Map<String, Object> stats(Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", Text.shape(row.shape()));
        if (row.stats() != null) {
            m.put("mean", row.stats().mean());
            m.put("std", row.stats().std());
        }
        return m;
    }

    private static void printTable(PrintWriter out, Settings s, Dataset d, List<Row> dataRows, Row w1,
                                   List<Row> layers, PassResult r) {
        out.println("data: " + d.source());
        out.println(Text.f("%-28s %-11s %9s %9s", "", "shape", "mean", "std"));
        for (Row row : dataRows) printRow(out, row);
        out.println();
        out.println(Text.f("init %s (%s), seed %d, nh %d, relu shift %s", s.init().id(), s.init().description(),
                s.seed(), s.nh(), Text.f("%.2f", s.reluShift())));
        printRow(out, w1);
        for (Row row : layers) printRow(out, row);
        out.println();
        out.println(Text.f("%-28s %s", "output shape", Tensor.shapeText(r.validLin2().shape())));
        out.println(Text.f("%-28s %s", "loss = mse(model(x_train))", Text.f("%.4f", r.loss())));
        out.println(Text.f("%-28s forward %.1f ms, backward %.1f ms (50000 rows, float32, x.g included)",
                "wall time", r.forwardNanos() / 1e6, r.backwardNanos() / 1e6));
    }

    private static void printRow(PrintWriter out, Row row) {
        String shape = Tensor.shapeText(row.shape());
        if (row.stats() == null) out.println(Text.f("%-28s %-11s", row.label(), shape));
        else out.println(Text.f("%-28s %-11s %9s %9s", row.label(), shape,
                Text.dec4(row.stats().mean()), Text.dec4(row.stats().std())));
    }
}
