package io.backproplens.ui.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewestTest {
    @Test
    void aNewerRequestMakesEveryEarlierOneStale() {
        Newest requests = new Newest();
        Newest.Ticket first = requests.begin();
        assertThat(first.current()).isTrue();
        Newest.Ticket second = requests.begin();
        assertThat(first.stale()).isTrue();
        assertThat(second.current()).isTrue();
        requests.cancel();
        assertThat(second.stale()).isTrue();
    }

    @Test
    void onlyTheNewestRunsItsAction() {
        Newest requests = new Newest();
        Newest.Ticket old = requests.begin();
        Newest.Ticket now = requests.begin();
        StringBuilder ran = new StringBuilder();
        old.ifCurrent(() -> ran.append("old"));
        now.ifCurrent(() -> ran.append("now"));
        assertThat(ran.toString()).isEqualTo("now");
    }

    @Test
    void ticketsOfOneKindOfWorkDoNotStaleAnother() {
        Newest histograms = new Newest(), sweep = new Newest();
        Newest.Ticket h = histograms.begin();
        sweep.begin();
        assertThat(h.current()).isTrue();
    }
}
