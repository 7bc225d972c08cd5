package io.backproplens.cli;

import io.backproplens.data.Mnist;
import io.backproplens.engine.Tensor;
import io.backproplens.session.Dataset;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.NotebookPrinted;
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
        Notebook nb = new Notebook(settings, d);
        if (json) out.println(Text.json(tree(settings, d, dataRows, w1Row, layers, r, nb)));
        else printTable(out, settings, d, dataRows, w1Row, layers, r, nb);
        out.flush();
        return 0;
    }

    /**
     * What the notebook printed for a row, when this run is the notebook's (the 50,000 MNIST rows;
     * its nh and no ReLU shift for the weights and layers), from the app's copy of its outputs.
     */
    record Notebook(Settings s, Dataset d) {
        /** The printed key of a row ({@code x_train.normalized}, {@code xavier.relu}), or null. */
        String key(Row row) {
            if (d.trainRows() != Settings.MAX_BATCH) return null;
            String init = s.init() == io.backproplens.engine.Init.NOTEBOOK ? "kaiming" : s.init().id();
            boolean model = s.nh() == 50 && s.reluShift() == 0;
            return switch (row.key()) {
                case "x_train", "x_valid" -> row.key();
                case "x_train_normalized", "x_valid_normalized" -> row.key().replace("_normalized", ".normalized");
                case "w1" -> model && s.init() != io.backproplens.engine.Init.NOTEBOOK ? init + ".w1" : null;
                case "lin1" -> model ? init + ".lin" : null;
                case "relu" -> model ? init + ".relu" : null;
                default -> null;
            };
        }

        java.util.Optional<NotebookPrinted.Number> mean(Row row) {
            String k = key(row);
            return k == null ? java.util.Optional.empty() : NotebookPrinted.find(k + ".mean");
        }

        java.util.Optional<NotebookPrinted.Number> std(Row row) {
            String k = key(row);
            return k == null ? java.util.Optional.empty() : NotebookPrinted.find(k + ".std");
        }

        /** The loss, for the whole training set. */
        java.util.Optional<NotebookPrinted.Number> loss() {
            return d.trainRows() == Settings.MAX_BATCH ? java.util.Optional.of(NotebookPrinted.get("loss")) : java.util.Optional.empty();
        }
    }

    private static Map<String, Object> printed(NotebookPrinted.Number mean, NotebookPrinted.Number std) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean.value());
        if (std != null) m.put("std", std.value());
        m.put("cell", mean.cell());
        if (mean.kind().note() != null) m.put("differs", mean.kind().note());
        return m;
    }

    private static Map<String, Object> tree(Settings s, Dataset d, List<Row> dataRows, Row w1, List<Row> layers, PassResult r, Notebook nb) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Row row : dataRows) {
            Map<String, Object> st = stats(row);
            nb.mean(row).ifPresent(mn -> st.put("notebook", printed(mn, nb.std(row).orElse(null))));
            data.put(row.key(), st);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("source", d.source());
        o.put("data", data);
        o.put("train_mean", d.rawTrainMean());
        o.put("train_std", d.rawTrainStd());
        o.put("init", s.init().id());
        o.put("seed", s.seed());
        o.put("nh", s.nh());
        o.put("relu_shift", s.reluShift());
        Map<String, Object> w1s = stats(w1);
        nb.mean(w1).ifPresent(mn -> w1s.put("notebook", printed(mn, nb.std(w1).orElse(null))));
        o.put("w1", w1s);
        List<Object> ls = new ArrayList<>();
        for (Row row : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", row.key());
            l.put("expression", row.label());
            l.putAll(stats(row));
            nb.mean(row).ifPresent(mn -> l.put("notebook", printed(mn, nb.std(row).orElse(null))));
            ls.add(l);
        }
        o.put("layers", ls);
        o.put("output_shape", Text.shape(r.validLin2().shape()));
        o.put("loss", r.loss());
        nb.loss().ifPresent(l -> o.put("notebook_loss", printed(l, null)));
        o.put("forward_ms", r.forwardNanos() / 1e6);
        o.put("backward_ms", r.backwardNanos() / 1e6);
        o.put("notebook_forward_ms", printed(NotebookPrinted.get("forward.wall_ms"), null));
        o.put("notebook_backward_ms", printed(NotebookPrinted.get("backward.wall_ms"), null));
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
                                   List<Row> layers, PassResult r, Notebook nb) {
        out.println("data: " + d.source());
        out.println(Text.f("%-28s %-11s %9s %9s   %s", "", "shape", "mean", "std", "notebook (mean std)"));
        for (Row row : dataRows) printRow(out, row, nb);
        out.println();
        out.println(Text.f("init %s (%s), seed %d, nh %d, relu shift %s", s.init().id(), s.init().description(),
                s.seed(), s.nh(), Text.f("%.2f", s.reluShift())));
        printRow(out, w1, nb);
        for (Row row : layers) printRow(out, row, nb);
        out.println();
        out.println(Text.f("%-28s %s", "output shape", Tensor.shapeText(r.validLin2().shape())));
        out.println(Text.f("%-28s %s", "loss = mse(model(x_train))", Text.f("%.4f", r.loss())
                + nb.loss().map(l -> "   " + l.beside() + " *").orElse("")));
        NotebookPrinted.Number fwd = NotebookPrinted.get("forward.wall_ms"), bwd = NotebookPrinted.get("backward.wall_ms");
        out.println(Text.f("%-28s forward %.1f ms, backward %.1f ms (50000 rows, float32, x.g included)   notebook: %s ms, %s ms **",
                "wall time", r.forwardNanos() / 1e6, r.backwardNanos() / 1e6, fwd.text(), bwd.text()));
        out.println();
        if (nb.loss().isPresent()) out.println("*  " + NotebookPrinted.Kind.WEIGHTS.note() + " (its loss ran w1 Kaiming, w2 = rand(nh,1)/sqrt(784): --init notebook)");
        out.println("** " + NotebookPrinted.Kind.TIME.note() + " (cells " + fwd.cell() + ", " + bwd.cell() + ")");
    }

    private static void printRow(PrintWriter out, Row row, Notebook nb) {
        String shape = Tensor.shapeText(row.shape());
        String printed = nb.mean(row).map(m -> m.text() + " " + nb.std(row).map(NotebookPrinted.Number::text).orElse("")
                + (m.kind().note() != null ? " *" : "")).orElse("");
        if (row.stats() == null) out.println(Text.f("%-28s %-11s", row.label(), shape));
        else out.println(Text.f("%-28s %-11s %9s %9s   %s", row.label(), shape,
                Text.dec4(row.stats().mean()), Text.dec4(row.stats().std()), printed).stripTrailing());
    }
}
