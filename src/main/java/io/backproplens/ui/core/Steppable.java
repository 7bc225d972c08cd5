package io.backproplens.ui.core;

/**
 * A view that walks through steps. The window sends Next (Right, Space, PageDown: what a
 * presenter's clicker sends) and Previous (Left, PageUp) to the view in front.
 */
public interface Steppable {
    void next();

    void previous();

    default void reset() {}

    default void end() {}

    default void togglePlay() {}

    /**
     * Whether the view honours predict-then-reveal ({@link AppState#hidden}): only then does Next
     * stop once to hide the step's new values; other views step on every press.
     */
    default boolean hidesNewValues() { return false; }
}
