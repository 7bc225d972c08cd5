package io.backproplens.ui.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Messages that need no dialog (a file saved, a check finished): a view posts one here, and the
 * window, which knows the stage, shows it as a notification that goes by itself. The text is also
 * the status bar's, so it stays readable after the notification has gone.
 */
public final class Notices {
    /** A notice: a short title and one sentence. */
    public record Notice(String title, String text) {}

    private final AppState state;
    private final List<Consumer<Notice>> shows = new ArrayList<>();

    Notices(AppState state) { this.state = state; }

    /** Shows a notice; call on the FX thread. */
    public void post(String title, String text) {
        Notice n = new Notice(title, text);
        state.status.set(text);
        for (Consumer<Notice> show : List.copyOf(shows)) show.accept(n);
    }

    /** Where notices are shown (the window); more than one may listen. */
    public void onPost(Consumer<Notice> show) { shows.add(show); }
}
