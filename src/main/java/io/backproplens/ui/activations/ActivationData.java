package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import io.backproplens.engine.Init;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.ValidPass;
import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns engine results into what the histogram panels draw. No JavaFX: runs in the background.
 * Every statistic is the engine's own {@link Summary}; every histogram counts every value.
 */
public final class ActivationData {
    /** The forward tensors on x_valid, in the notebook's order. */
    public static final List<String> FORWARD = List.of("lin1", "relu", "lin2");
    /** The gradients the backward pass writes, in the order it writes them. */
    public static final List<String> GRADIENTS = List.of("out.g", "l2.g", "l1.g", "w1.g", "w2.g");

    private ActivationData() {}

    /** The notebook's formula for each tensor. */
    static String formula(String key, double reluShift) {
        return switch (key) {
            case "lin1" -> "x_valid @ w1 + b1";
            case "relu" -> reluShift == 0 ? "lin1.clamp_min(0.)" : "lin1.clamp_min(0.) - " + Fmt.plain(reluShift);
            case "lin2" -> "relu @ w2 + b2";
            case "out.g" -> "2 * (out - y) / n";
            case "l2.g" -> "out.g @ w2.t()";
            case "l1.g" -> "(l1 > 0).float() * l2.g";
            case "w1.g" -> "x.t() @ l1.g";
            case "w2.g" -> "l2.t() @ out.g";
            default -> key;
        };
    }

    /** As {@link #axisLabel(String)}; a trained stack's lin2 (fed by relu1) is a hidden layer, not the output. */
    static String axisLabel(LayerData d) {
        return d.key().equals("lin2") && d.formula().startsWith("relu1") ? "value of lin2" : axisLabel(d.key());
    }

    /** What a tensor is, in words, for the x axis. */
    static String axisLabel(String key) {
        return switch (key) {
            case "lin1" -> "value of lin1 (first layer, before ReLU)";
            case "relu" -> "value of the ReLU output";
            case "lin2" -> "value of the model output";
            case "out.g" -> "d loss / d out";
            case "l2.g" -> "d loss / d l2 (ReLU output)";
            case "l1.g" -> "d loss / d l1 (before ReLU)";
            case "w1.g" -> "d loss / d w1";
            case "w2.g" -> "d loss / d w2";
            // A trained stack's layers (lin3, relu2, ...): the same words with the layer's name.
            default -> key.matches("relu\\d+") ? "value of " + key + "'s output" : key.matches("lin\\d+") ? "value of " + key
                    : key.matches("l\\d+\\.g") ? gradOfLayer(key)
                    : key.endsWith(".g") ? "d loss / d " + key.substring(0, key.length() - 2) : key;
        };
    }

    /** A stack's layer gradient: {@code l(2i-1)} is a Lin's output (a ReLU's input), {@code l(2i)} a ReLU's output. */
    private static String gradOfLayer(String key) {
        int i = Integer.parseInt(key.substring(1, key.length() - 2));
        return "d loss / d l" + i + (i % 2 == 1 ? " (before a ReLU)" : " (a ReLU's output)");
    }

    /** The atom counted apart: a ReLU writes exactly {@code -shift} for every input <= 0. */
    static double atom(String key, double reluShift) {
        return switch (key) {
            case "relu" -> 0.0 - reluShift;
            case "l1.g" -> 0.0;
            default -> Double.NaN;
        };
    }

    static String atomText(String key) {
        return switch (key) {
            case "relu" -> "clamped by the ReLU";
            case "l1.g" -> "no gradient where l1 \u2264 0";
            default -> null;
        };
    }

    /** One tensor: the engine's summary and an adaptive histogram. */
    static LayerData layer(String key, double reluShift, INDArray array) {
        float[] v = Histogram.floats(array);
        double atom = atom(key, reluShift);
        return new LayerData(key, formula(key, reluShift), array.shape(), Summary.of(array),
                Histogram.of(v, atom), atomText(key));
    }

    /**
     * Every layer of a trained stack on x_valid ({@code lin1, relu1, lin2, ..., lin(d+1)}), keyed by
     * its module, with its formula in the notebook's notation and the ReLU's clamped share apart.
     */
    public static List<LayerData> stack(PassResult p) {
        double shift = p.settings().reluShift();
        List<LayerData> out = new java.util.ArrayList<>();
        String prev = "x_valid";
        for (PassResult.ValidLayer l : p.valid()) {
            String m = l.module(), k = m.replaceAll("\\D", "");
            boolean relu = m.startsWith("relu");
            String formula = relu ? prev + ".clamp_min(0.)" + (shift == 0 ? "" : " - " + Fmt.plain(shift)) : prev + " @ w" + k + " + b" + k;
            float[] v = Histogram.floats(l.value());
            out.add(new LayerData(m, formula, l.value().shape(), Summary.of(l.value()),
                    Histogram.of(v, relu ? 0.0 - shift : Double.NaN), relu ? "clamped by the ReLU" : null));
            prev = m;
        }
        return out;
    }

    /**
     * Every gradient a trained stack's backward pass wrote, in the order it wrote them (the loss's
     * first, back to {@code w1.g}): each layer's output gradient and each weight's, keyed by label
     * ({@code out.g, w3.g, l4.g, l3.g, w2.g, ..., w1.g}), with the equation that wrote it as its
     * formula. Left out are {@code x.g} (the data's gradient, no layer's) and the biases' (the
     * notebook's grid shows no {@code b.g} either). A ReLU's input gradient counts its exact zeros
     * apart: no gradient flows where the ReLU clamped.
     */
    public static List<LayerData> stackGradients(PassResult p) {
        List<LayerData> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TraceStep s : p.trace().steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            boolean relu = s.module().startsWith("relu");
            for (TraceStep.Line line : s.lines()) {
                TensorRef w = line.writes();
                String key = w.label();
                if (!w.grad() || w.array() == null || key.equals("x.g") || key.matches("b\\d+\\.g") || !seen.add(key)) continue;
                String bound = shortFormula(s.module(), line.bound());
                int eq = bound.indexOf(" = ");
                double atom = relu ? 0.0 : Double.NaN;
                float[] v = Histogram.floats(w.array());
                out.add(new LayerData(key, eq < 0 ? bound : bound.substring(eq + 3), w.array().shape(), Summary.of(w.array()),
                        Histogram.of(v, atom), relu ? "no gradient where " + w.tensorName() + " \u2264 0" : null));
            }
        }
        return out;
    }

    /**
     * The ce head's two backward equations, as short as the panels are narrow (at 200% a panel is
     * 17 em wide): NLL's {@code -one_hot(y) / n}, and log-softmax's, which with that input equals
     * {@code (softmax - one_hot(y)) / n}; every other module's equation as the engine bound it.
     */
    static String shortFormula(String module, String bound) {
        return switch (module) {
            case "nll" -> "sm_pred.g = -one_hot(y) / n";
            case "log_softmax" -> "out.g = (softmax \u2212 one_hot(y)) / n";
            default -> bound;
        };
    }

    /** lin1, relu and lin2 on x_valid from a finished pass. */
    public static List<LayerData> forward(PassResult p) {
        double shift = p.settings().reluShift();
        return List.of(layer("lin1", shift, p.validLin1()), layer("relu", shift, p.validRelu()),
                layer("lin2", shift, p.validLin2()));
    }

    /** The gradients the pass's backward steps wrote, by label ({@code out.g}, {@code w1.g}, ...). */
    public static Map<String, INDArray> gradientArrays(PassResult p) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (TraceStep s : p.trace().steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            for (TensorRef w : s.writes()) {
                if (GRADIENTS.contains(w.label()) && w.array() != null) out.put(w.label(), w.array());
            }
        }
        return out;
    }

    /** Histograms of the gradients, in {@link #GRADIENTS} order (only those the pass wrote). */
    public static List<LayerData> gradients(PassResult p) {
        Map<String, INDArray> g = gradientArrays(p);
        List<LayerData> out = new ArrayList<>();
        for (String key : GRADIENTS) {
            INDArray a = g.get(key);
            if (a != null) out.add(layer(key, p.settings().reluShift(), a));
        }
        return out;
    }

    /** What the compare mode shows for one layer: both inits on shared bins and a shared count scale. */
    public record Pair(String key, LayerData a, LayerData b, long yMax) {}

    /** One row of the mean/std table, averaged over the seeds. */
    public record Row(String key, double meanA, double stdA, double meanB, double stdB, double zeroA, double zeroB) {}

    /**
     * Two inits side by side on x_valid with the base settings' seed, width and ReLU; the table
     * averages over {@code seeds} consecutive seeds starting at the base seed.
     */
    public record Comparison(Settings base, Init a, Init b, int seeds, List<Pair> pairs, List<Row> rows) {
        public Pair pair(String key) {
            for (Pair p : pairs) if (p.key().equals(key)) return p;
            throw new IllegalArgumentException(key);
        }

        public Row row(String key) {
            for (Row r : rows) if (r.key().equals(key)) return r;
            throw new IllegalArgumentException(key);
        }
    }

    public static Comparison compare(Session session, Settings base, Init a, Init b, int seeds) {
        if (seeds < 1) throw new IllegalArgumentException("seeds must be at least 1");
        double shift = base.reluShift();
        List<Pair> pairs = new ArrayList<>();
        double[][] sums = new double[FORWARD.size()][6];
        for (int k = 0; k < seeds; k++) {
            Settings s = base.withSeed(base.seed() + k);
            ValidPass pa = session.validPass(s.withInit(a));
            ValidPass pb = session.validPass(s.withInit(b));
            for (int l = 0; l < FORWARD.size(); l++) {
                String key = FORWARD.get(l);
                INDArray xa = pick(pa, key), xb = pick(pb, key);
                Summary sa = Summary.of(xa), sb = Summary.of(xb);
                double atom = atom(key, shift);
                if (k == 0) {
                    // The pictures use the first seed, on bins shared by both inits.
                    float[] fa = Histogram.floats(xa), fb = Histogram.floats(xb);
                    Histogram.Binning bins = Histogram.binning(atom, fa, fb);
                    Histogram ha = Histogram.of(fa, atom, bins), hb = Histogram.of(fb, atom, bins);
                    long yMax = Math.max(1, Math.max(ha.maxCount(), hb.maxCount()));
                    pairs.add(new Pair(key,
                            new LayerData(key, formula(key, shift), xa.shape(), sa, ha, atomText(key)),
                            new LayerData(key, formula(key, shift), xb.shape(), sb, hb, atomText(key)), yMax));
                }
                double[] acc = sums[l];
                acc[0] += sa.mean();
                acc[1] += sa.std();
                acc[2] += sb.mean();
                acc[3] += sb.std();
                if (!Double.isNaN(atom)) {
                    acc[4] += Histogram.of(Histogram.floats(xa), atom).atomShare();
                    acc[5] += Histogram.of(Histogram.floats(xb), atom).atomShare();
                } else {
                    acc[4] = acc[5] = Double.NaN;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < FORWARD.size(); l++) {
            double[] acc = sums[l];
            rows.add(new Row(FORWARD.get(l), acc[0] / seeds, acc[1] / seeds, acc[2] / seeds, acc[3] / seeds,
                    acc[4] / seeds, acc[5] / seeds));
        }
        return new Comparison(base, a, b, seeds, List.copyOf(pairs), List.copyOf(rows));
    }

    private static INDArray pick(ValidPass p, String key) {
        return switch (key) {
            case "lin1" -> p.lin1();
            case "relu" -> p.relu();
            case "lin2" -> p.lin2();
            default -> throw new IllegalArgumentException(key);
        };
    }
}
