package dev.skerry.cli.slt;

import dev.skerry.cli.backend.BackendOpener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code skerry --slt [--verbose] FILE...}: runs each file, prints one line per file
 * ({@code FILE: N passed, M failed, K skipped}) and finally the totals ({@code N passed, M failed, K skipped}).
 * The exit status is 0 when nothing failed, else 1.
 */
public final class SltCommand {
    private SltCommand() {
    }

    public static int run(List<String> files, boolean verbose, BackendOpener opener, PrintStream out) {
        SltRunner runner = new SltRunner(opener, out, verbose);
        SltResult total = new SltResult();
        for (String file : files) {
            SltResult r;
            try {
                String text = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
                r = runner.runScript(file, text);
            } catch (IOException e) {
                r = new SltResult();
                r.failed++;
                out.println(file + ": cannot read: " + e.getMessage());
            }
            out.println(file + ": " + r);
            out.flush();
            total.add(r);
        }
        out.println(total);
        out.flush();
        return total.failed == 0 ? 0 : 1;
    }
}
