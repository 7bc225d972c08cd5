package io.backproplens.ui.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Messages that need no dialog (a file saved, a check finished): a view posts one here, and the
 * window, which knows the stage, shows it as a notification that goes by itself.
 */
public final class Notices {
    /** A notice: a short title and one sentence. */
    public record Notice(String title, String text) {}

    private final List<Consumer<Notice>> shows = new ArrayList<>();

    /** Shows a notice; call on the FX thread. */
    public void post(String title, String text) {
        Notice n = new Notice(title, text);
        for (Consumer<Notice> show : List.copyOf(shows)) show.accept(n);
    }

    /** Where notices are shown (the window); more than one may listen. */
    public void onPost(Consumer<Notice> show) { shows.add(show); }
}
