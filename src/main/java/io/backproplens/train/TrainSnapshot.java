package io.backproplens.train;

import io.backproplens.engine.Params;
import io.backproplens.engine.Trace;

import java.util.List;

/**
 * The trainer's state after its latest mini-batch, immutable, for a view to read on any thread at any
 * rate without waiting for the trainer (see {@link Trainer#snapshot()}).
 *
 * @param step            mini-batches done since the start (or the last reset)
 * @param epoch           epochs completed
 * @param batchInEpoch    mini-batches done in the current epoch
 * @param trainLoss       the loss of every mini-batch so far; entry k is batch k+1, at epoch (k+1)/batchesPerEpoch
 * @param evaluations     validation loss and accuracy so far, oldest first
 * @param epochs          a summary of each completed epoch
 * @param params          the weights now (their arrays are never changed later: an update writes fresh ones)
 * @param lastTrace       every step of the latest mini-batch's forward, backward and update; null before the first
 */
public record TrainSnapshot(TrainConfig config, long step, int epoch, int batchInEpoch, int batchesPerEpoch,
                            Series.View trainLoss, List<Trainer.Evaluation> evaluations, List<Trainer.Epoch> epochs,
                            Params params, Trace lastTrace) {

    /** Where training is on an epoch x-axis: 1.5 = halfway through the second epoch. */
    public double epochProgress() { return epoch + batchInEpoch / (double) batchesPerEpoch; }

    /** Whether the configured number of epochs is done. */
    public boolean finished() { return epoch >= config.epochs(); }
}
