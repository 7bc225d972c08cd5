package io.backproplens.ui.core;


import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.Trained;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * All state the views share, as JavaFX properties, touched only on the FX thread. Views listen to
 * it; only {@link Controller} writes the computed parts ({@link #session}, {@link #pass}).
 */
public final class AppState {
    /** The controls: a new value starts a new pass in the background. */
    public final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.defaults());
    /** The loaded data, ready to run; null while ND4J and MNIST load. */
    public final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    /** The latest finished pass; null until the first one completes. */
    public final ObjectProperty<PassResult> pass = new SimpleObjectProperty<>();
    /**
     * The newest trained weights the Train view offers the other views, or null (nothing trained,
     * or a model they cannot draw). Written by the Train view when training stops.
     */
    public final ObjectProperty<Trained> trained = new SimpleObjectProperty<>();
    /**
     * The trained / initial switch: whether the pass runs on {@link #trained} instead of the
     * settings' initial weights. {@link Controller} keeps it false while there is nothing to show.
     */
    public final BooleanProperty showTrained = new SimpleBooleanProperty(false);
    /** The cursor in the pass's trace: -1 is before the first step. */
    public final IntegerProperty step = new SimpleIntegerProperty(-1);
    /** The sample (row of the batch) the views draw. */
    public final IntegerProperty sample = new SimpleIntegerProperty(0);

    /** Predict-then-reveal: the next step's new values stay hidden until Next is pressed again. */
    public final BooleanProperty predict = new SimpleBooleanProperty(false);
    /** True while the current step's new values are hidden (predict mode, before the reveal). */
    public final BooleanProperty hidden = new SimpleBooleanProperty(false);

    /**
     * "Step it": a view asks for the one product that computes a gradient element to be stepped in
     * the matmul stepper. Views do not know each other; the shell listens and opens the stepper.
     * Set it to null first so the same element asked twice is asked again.
     */
    public final ObjectProperty<io.backproplens.explain.ElementProduct> stepIt = new SimpleObjectProperty<>();

    /** Font scale and theme, for views that draw text themselves. */
    public final Presentation presentation = new Presentation();

    /** What the background is doing, for the status bar. */
    public final StringProperty status = new SimpleStringProperty("Starting");
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** Messages that need no dialog (a saved file, a finished check), shown by the window. */
    public final Notices notices = new Notices();

    /**
     * Next, as the keys and the Next buttons do it: in predict mode, for a view that hides new
     * values, the first press steps with the step's values hidden and the second reveals them.
     */
    public void next(Steppable view) {
        boolean predicting = predict.get() && view.hidesNewValues();
        if (predicting && hidden.get()) {
            hidden.set(false);
        } else {
            view.next();
            hidden.set(predicting);
        }
    }
}
