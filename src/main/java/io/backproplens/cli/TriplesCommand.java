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
                + "notebook's loop order (i, then j, then k), then the product a @ b.")
final class TriplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--a", paramLabel = "ROWS", description = "matrix a, rows separated by ';' and values by ',' (default: ${DEFAULT-VALUE})")
    String a = "1,2,1;0,1,0;2,3,4";

    @Option(names = "--b", paramLabel = "ROWS", description = "matrix b (default: ${DEFAULT-VALUE})")
    String b = "2,5;6,7;1,8";

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
        for (MatmulStep step : r.steps()) out.println(step.log());
        out.println(Matrices.format(r.result()));
        out.flush();
        return 0;
    }

    private double[][] parse(String option, String text) {
        try {
            return Matrices.parse(option, text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
