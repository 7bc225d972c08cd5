package io.backproplens.cli;

import io.backproplens.engine.TensorRef;
import io.backproplens.files.AtomicWrite;
import io.backproplens.engine.Trace;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Every tensor of one forward and backward pass as NumPy files, to check the numbers elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Run one forward and backward pass (float32) on the first N training rows and write every "
                + "tensor as NumPy .npy: x, y, w1, b1, w2, b2, l1, l2, out, loss and each gradient as NAME.g.npy.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    DataOption data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write into (created if missing)")
    Path outDir;

    @Option(names = "--batch", paramLabel = "N", description = "training rows in the pass, 0 to "
            + ModelOptions.MAX_BATCH + "; 0 = all (default: ${DEFAULT-VALUE})")
    int batch = 1000;

    @Override
    public Integer call() throws Exception {
        Settings s = model.settings(spec.commandLine(), batch);
        OutputFolder.check(spec.commandLine(), outDir);
        Session session = new Session(data.dataset(), DataType.FLOAT);
        PassResult r = session.run(s);
        Files.createDirectories(outDir);
        // The trace already holds every array the pass wrote and read: export exactly those.
        Trace t = r.trace();
        Map<String, TensorRef> all = t.tensorsAfter(t.size() - 1);
        PrintWriter out = spec.commandLine().getOut();
        for (TensorRef ref : all.values()) {
            Path file = outDir.resolve(ref.label() + ".npy");
            write(ref, file);
            out.println(Text.f("%-10s %-10s %s", ref.label(), ref.shapeText(), file));
        }
        out.flush();
        return 0;
    }

    /**
     * Written in C order: NumPy readers expect it, and a view or f-order array would need flags.
     * Atomically: a full disk leaves the file of an earlier export whole, not cut off.
     */
    private static void write(TensorRef ref, Path file) throws IOException {
        var c = ref.array().dup('c');
        AtomicWrite.write(file, out -> Nd4j.writeAsNumpy(c, out));
    }
}
