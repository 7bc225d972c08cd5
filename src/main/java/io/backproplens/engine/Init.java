package io.backproplens.engine;

import java.util.Locale;

/**
 * Weight initialisers of the notebook. Every one draws the same standard normal numbers for the
 * same seed and only scales them, so switching Xavier to Kaiming changes the scale and nothing else.
 */
public enum Init {
    /** {@code torch.randn}: std 1, which makes activations explode layer after layer. */
    RANDN("randn", "randn (std 1)"),
    /**
     * {@code torch.randn * 0.01}: std 0.01 at every layer, whatever its fan-in. The activations shrink
     * by about {@code 0.01 * sqrt(fan_in / 2)} a layer, so a deep stack's output and gradients vanish.
     */
    SMALL("small", "small randn: randn * 0.01"),
    /** Xavier/Glorot: {@code randn / sqrt(fan_in)}, keeps the std of a linear layer's output near 1. */
    XAVIER("xavier", "Xavier: randn / sqrt(fan_in)"),
    /** Kaiming/He: {@code randn * sqrt(2 / fan_in)}, makes up for the half that ReLU zeroes. */
    KAIMING("kaiming", "Kaiming: randn * sqrt(2 / fan_in)"),
    /**
     * What the notebook's model actually ran with when it printed loss 24.3061: w1 Kaiming (cell 47)
     * and w2 = {@code torch.rand(nh,1)/math.sqrt(m)}, uniform on [0, 1/sqrt(784)) (cell 40).
     */
    NOTEBOOK("notebook", "notebook: w1 Kaiming, w2 = rand(nh,1)/sqrt(784)");

    private final String id;
    private final String description;

    Init(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() { return id; }

    public String description() { return description; }

    /** The factor applied to standard normal draws for a layer with this many inputs. */
    public double scale(int fanIn) {
        return switch (this) {
            case RANDN -> 1.0;
            case SMALL -> 0.01;
            case XAVIER -> 1.0 / Math.sqrt(fanIn);
            case KAIMING, NOTEBOOK -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** Parses {@code randn|small|xavier|kaiming|notebook}, case-insensitively. */
    public static Init parse(String s) {
        for (Init i : values()) if (i.id.equals(s.toLowerCase(Locale.ROOT))) return i;
        throw new IllegalArgumentException("unknown init '" + s + "': expected " + NAMES);
    }

    /** Every id, as messages list them: {@code randn, small, xavier, kaiming or notebook}. */
    public static final String NAMES = "randn, small, xavier, kaiming or notebook";

    @Override
    public String toString() { return id; }
}
