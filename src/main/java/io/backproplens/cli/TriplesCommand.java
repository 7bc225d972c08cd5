package io.backproplens.cli;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.matmul.Matrices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The notebook's cell 5: the index triples of the triple loop, then the product (cell 6). */
@Command(name = "triples", mixinStandardHelpOptions = true,
        description = "Print (i, k) (k, j) (i, j) for every step of the triple-loop matmul, in the "
                + "notebook's loop order (i, then j, then k), then the product a @ b. The first "
                + TriplesCommand.SHOWN + " triples unless --all; matrices up to "
                + TriplesCommand.MAX_SIDE + "x" + TriplesCommand.MAX_SIDE + ".")
final class TriplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--a", paramLabel = "ROWS", description = "matrix a, rows separated by ';' and values by ',' (default: ${DEFAULT-VALUE})")
    String a = "1,2,1;0,1,0;2,3,4";

    @Option(names = "--b", paramLabel = "ROWS", description = "matrix b (default: ${DEFAULT-VALUE})")
    String b = "2,5;6,7;1,8";

    @Option(names = "--all", description = "print every triple, not only the first " + SHOWN)
    boolean all;

    /**
     * The largest matrices taken, per side: 100x100 times 100x100 is a million triples (30 MB of
     * text, and the replay holds every step). A 1000x1000 pair would be a billion.
     */
    static final int MAX_SIDE = 100;
    /** What a terminal can show usefully before the product; --all prints the rest. */
    static final int SHOWN = 100;

    @Override
    public Integer call() {
        double[][] ma = parse("--a", a);
        double[][] mb = parse("--b", b);
        if (ma[0].length != mb.length) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--a is " + ma.length + "x" + ma[0].length
                    + " and --b is " + mb.length + "x" + mb[0].length + ": a's columns (" + ma[0].length
                    + ") must equal b's rows (" + mb.length + ")");
        }
        MatmulReplay r = MatmulVariant.TRIPLE_LOOP.replay(ma, mb);
        PrintWriter out = spec.commandLine().getOut();
        int shown = all ? r.steps().size() : Math.min(SHOWN, r.steps().size());
        for (MatmulStep step : r.steps().subList(0, shown)) out.println(step.log());
        if (shown < r.steps().size()) {
            out.println("... " + (r.steps().size() - shown) + " more (use --all)");
        }
        out.println(Matrices.format(r.result()));
        out.flush();
        return 0;
    }

    private double[][] parse(String option, String text) {
        checkSize(option, text);
        try {
            return Matrices.parse(option, text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Counts rows and columns in the text before anything is parsed or allocated: a matrix given
     * in an @file can be megabytes long. A value longer than 30 characters is no number worth
     * typing, so the text's length is bounded too.
     */
    private void checkSize(String option, String text) {
        if (text == null) return;
        if (text.length() > (long) MAX_SIDE * MAX_SIDE * 32) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " is " + text.length()
                    + " characters long; matrices may be at most " + MAX_SIDE + "x" + MAX_SIDE);
        }
        int rows = 1, cols = 1, widest = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                rows++;
                cols = 1;
            } else if (c == ',') {
                widest = Math.max(widest, ++cols);
            }
        }
        if (rows > MAX_SIDE || widest > MAX_SIDE) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " has " + rows + " rows and up to "
                    + widest + " columns; matrices may be at most " + MAX_SIDE + "x" + MAX_SIDE);
        }
    }
}
