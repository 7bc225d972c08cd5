package io.backproplens.ui.activations;

import io.backproplens.engine.Init;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer's histogram under randn, Xavier and Kaiming for one seed, ReLU shift, width and
 * batch, all three on the same bins and the same count scale. Switching the init then changes the
 * bars and not the axes, so the class sees the spread change instead of three charts that each
 * rescaled themselves to look alike. No JavaFX: built in the background.
 *
 * @param base   the settings it was built for (with the init it was asked for)
 * @param layers per init, its layers' data in {@link ActivationData#FORWARD} then
 *               {@link ActivationData#GRADIENTS} order
 * @param yMax   per layer key, the tallest bin of the three inits (the top of every count axis)
 */
public record InitSet(Settings base, Map<Init, List<LayerData>> layers, Map<String, Long> yMax) {

    /** What the axes depend on: everything but the init. */
    public static Settings axesKey(Settings s) { return s.withInit(Init.RANDN); }

    /** Whether this set holds the axes for these settings (any init). */
    public boolean covers(Settings s) { return axesKey(base).equals(axesKey(s)); }

    public LayerData get(Init init, String key) {
        for (LayerData d : layers.get(init)) if (d.key().equals(key)) return d;
        return null;
    }

    public List<LayerData> of(Init init, List<String> keys) {
        List<LayerData> out = new ArrayList<>();
        for (String k : keys) {
            LayerData d = get(init, k);
            if (d != null) out.add(d);
        }
        return out;
    }

    public long yMax(String key) { return yMax.getOrDefault(key, 0L); }

    /**
     * Builds the set around a finished pass: its own arrays for its init, a pass of the same
     * settings for each other init. Returns null when {@code stale} says a newer request wins.
     */
    public static InitSet compute(Session session, PassResult current, BooleanSupplier stale) {
        // The other inits' passes are this method's own: without x.g, and freed once binned.
        List<PassResult> own = new ArrayList<>();
        try {
            return compute(session, current, stale, own);
        } finally {
            for (PassResult p : own) session.release(p);
        }
    }

    private static InitSet compute(Session session, PassResult current, BooleanSupplier stale, List<PassResult> own) {
        Settings s = current.settings();
        Map<Init, Map<String, INDArray>> arrays = new EnumMap<>(Init.class);
        for (Init init : ActivationsView.CYCLE) {
            if (stale.getAsBoolean()) return null;
            PassResult p = current;
            if (init != s.init()) own.add(p = session.runWithoutInputGrad(s.withInit(init)));
            arrays.put(init, arraysOf(p));
        }
        if (!arrays.containsKey(s.init())) arrays.put(s.init(), arraysOf(current));  // the notebook's own init
        List<String> keys = new ArrayList<>(ActivationData.FORWARD);
        keys.addAll(ActivationData.GRADIENTS);
        Map<Init, List<LayerData>> layers = new EnumMap<>(Init.class);
        for (Init i : arrays.keySet()) layers.put(i, new ArrayList<>());
        Map<String, Long> yMax = new HashMap<>();
        for (String key : keys) {
            if (stale.getAsBoolean()) return null;
            double atom = ActivationData.atom(key, s.reluShift());
            Map<Init, float[]> values = new EnumMap<>(Init.class);
            for (Init i : arrays.keySet()) {
                INDArray a = arrays.get(i).get(key);
                if (a != null) values.put(i, Histogram.floats(a));
            }
            if (values.isEmpty()) continue;
            // The bins cover the three inits of the cycle (the axes the class compares on).
            List<float[]> cycle = new ArrayList<>();
            for (Init i : ActivationsView.CYCLE) if (values.containsKey(i)) cycle.add(values.get(i));
            Histogram.Binning exact = Histogram.binning(atom, cycle.toArray(new float[0][]));
            // A little wider than the extremes: the pass a toggle starts is re-binned on these bins,
            // and a rerun of the same settings can differ in the last bits (OpenBLAS splits its sums
            // by the cores idle at the time), which put a randn extreme just past the edge.
            double margin = (exact.hi() - exact.lo()) * 1e-4;
            Histogram.Binning bins = new Histogram.Binning(exact.lo() - margin, exact.hi() + margin, exact.bins());
            long top = 1;
            for (Init i : values.keySet()) {
                INDArray a = arrays.get(i).get(key);
                Histogram h = Histogram.of(values.get(i), atom, bins);
                if (ActivationsView.CYCLE.contains(i)) top = Math.max(top, h.maxCount());
                layers.get(i).add(new LayerData(key, ActivationData.formula(key, s.reluShift()), a.shape(),
                        Summary.of(a), h, ActivationData.atomText(key)));
            }
            yMax.put(key, top);
        }
        return new InitSet(s, layers, yMax);
    }

    /**
     * The same axes with the layers of {@code p}'s init taken from {@code p} itself (the pass every
     * view shows), on the bins already chosen; values outside them are counted at the sides.
     */
    public InitSet withPass(PassResult p) {
        Settings s = p.settings();
        if (!covers(s)) throw new IllegalArgumentException("other axes");
        Map<String, INDArray> arrays = arraysOf(p);
        List<LayerData> mine = new ArrayList<>();
        Map<String, Long> top = new HashMap<>(yMax);
        List<LayerData> old = layers.getOrDefault(s.init(), layers.get(ActivationsView.CYCLE.get(0)));
        for (LayerData was : old) {
            INDArray a = arrays.get(was.key());
            if (a == null) continue;
            double atom = ActivationData.atom(was.key(), s.reluShift());
            Histogram h = Histogram.of(Histogram.floats(a), atom, was.histogram().binning());
            mine.add(new LayerData(was.key(), was.formula(), a.shape(), Summary.of(a), h, was.atomText()));
        }
        Map<Init, List<LayerData>> all = new EnumMap<>(layers);
        all.put(s.init(), List.copyOf(mine));
        return new InitSet(s, all, top);
    }

    private static Map<String, INDArray> arraysOf(PassResult p) {
        Map<String, INDArray> m = new HashMap<>(ActivationData.gradientArrays(p));
        m.put("lin1", p.validLin1());
        m.put("relu", p.validRelu());
        m.put("lin2", p.validLin2());
        return m;
    }
}
