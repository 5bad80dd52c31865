package dev.skerry.cli.slt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI subset of the sqllogictest corpus over Skerry ({@code skerry --slt}, the production backend): prints
 * the records passed and fails when that number drops below the baseline in {@code slt-baseline.txt} (raise it
 * when the engine improves). Each file runs in its own JVM with a time budget (system property
 * {@code skerry.slt.seconds}, 120 by default), so that a runaway query cannot hang the build; a file over
 * budget counts no passes. Files in {@code slt-skerry-slow.txt} are not run.
 */
class SltCorpusTest {
    private static final Path SLT = Paths.get(System.getProperty("skerry.corpus", "../../shared/corpus"), "slt");

    @Test
    void ciSubsetOnSkerryDoesNotFallBelowTheBaseline() throws Exception {
        List<String> slow = lines(resource("/slt-skerry-slow.txt"));
        long budget = Long.getLong("skerry.slt.seconds", 120);
        int passed = 0;
        int failed = 0;
        StringBuilder report = new StringBuilder();
        long t0 = System.nanoTime();
        for (String file : lines(Files.readString(SLT.resolve("ci_subset.txt")))) {
            if (slow.contains(file)) {
                report.append(file).append(": not run (slt-skerry-slow.txt)\n");
                continue;
            }
            String last = runFile(SLT.resolve(file).toString(), budget);
            if (last == null) {
                report.append(file).append(": over the time budget\n");
                continue;
            }
            report.append(file).append(": ").append(last).append('\n');
            String[] w = last.split(" ");
            passed += Integer.parseInt(w[0]);
            failed += Integer.parseInt(w[2]);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int baseline = Integer.parseInt(resource("/slt-baseline.txt").trim());
        System.out.print(report);
        System.out.println("ci_subset over Skerry: " + passed + " passed, " + failed + " failed (baseline "
                + baseline + ") in " + ms + " ms");
        assertTrue(passed >= baseline, "passed " + passed + " < baseline " + baseline + "\n" + report);
    }

    /** Runs one file in a child JVM; its summary line, or null when it ran over budget. */
    private static String runFile(String file, long seconds) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.skerry.cli.Main",
                "--slt", file).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out[0] = in.readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join();
            return null;
        }
        reader.join();
        List<String> lines = lines(new String(out[0], StandardCharsets.UTF_8));
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return last.matches("\\d+ passed, \\d+ failed, \\d+ skipped") ? last : "0 passed, 0 failed, 0 skipped";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SltCorpusTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }
}
