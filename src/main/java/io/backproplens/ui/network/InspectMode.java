package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;

import java.util.ArrayList;
import java.util.List;

/** How the inspector draws a tensor. */
public enum InspectMode {
    /** The whole matrix (strided sample of it when large): rows are samples or inputs. */
    MATRIX("matrix"),
    /** A 784 x nh matrix (w1, w1.g) as nh tiles of 28x28: each hidden unit's incoming weights. */
    TILES("unit tiles"),
    /** One row of an n x 784 matrix (x, x.g) as a 28x28 image: the selected sample. */
    SAMPLE("sample 28x28");

    private final String text;

    InspectMode(String text) { this.text = text; }

    public String text() { return text; }

    /** The modes that make sense for a tensor's shape, the most telling first. */
    public static List<InspectMode> available(TensorRef ref) {
        List<InspectMode> m = new ArrayList<>();
        long[] s = ref.shape();
        if (s.length == 2 && s[1] == 784) m.add(SAMPLE);
        if (s.length == 2 && s[0] == 784) m.add(TILES);
        m.add(MATRIX);
        return m;
    }

    @Override
    public String toString() { return text; }
}
