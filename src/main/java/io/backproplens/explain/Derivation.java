package io.backproplens.explain;

import java.util.List;

/**
 * Why one element of a {@code .g} has its value: the scalar chain rule written out with this pass's
 * numbers, e.g. {@code w1.g[3,7] = sum_i x[i,3] * l1.g[i,7]} with its first terms, how many there are,
 * the running sum and the total, which equals the element the engine computed.
 *
 * @param element the element explained, {@code w1.g[3,7]}
 * @param rule    the chain rule for it, in this model's names
 * @param terms   the first terms, each with its value and the sum so far
 * @param count   how many terms the sum has in all
 * @param total   the sum of all the terms, in float64
 * @param engine  the element as the engine computed it (in the pass's own dtype)
 * @param note    one sentence on what the terms mean, for the class
 */
public record Derivation(String element, String rule, List<Term> terms, long count, double total, double engine, String note) {

    /** One term of the sum: {@code x[0,3] * l1.g[0,7] = 0.25 * -1.2e-4}, its value and the sum up to it. */
    public record Term(String text, double value, double partialSum) {}
}
