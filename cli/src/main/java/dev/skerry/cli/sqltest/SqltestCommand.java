package dev.skerry.cli.sqltest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code skerry --sqltest [--verbose] FILE|DIR...}: runs the {@code .sqltest} files given and those under the
 * folders given (sorted by path), prints one line per file ({@code FILE: N passed, M failed, K skipped (T ms)}),
 * with {@code --verbose} each failure, and finally the totals. Relative {@code @database} paths are resolved
 * from the nearest folder above the file that has a {@code database} subfolder (the corpus layout). The exit
 * status is 0 when nothing failed, else 1.
 */
public final class SqltestCommand {
    private SqltestCommand() {
    }

    public static int run(List<String> args, boolean verbose, SqltestRunner.Databases databases,
            Predicate<String> isComplete, PrintStream out) {
        SqltestResult total = runAll(files(args), verbose, databases, isComplete, out);
        out.println(total);
        out.flush();
        return total.failed == 0 ? 0 : 1;
    }

    /** Runs {@code files}, printing a line per file (and its failures when {@code verbose}); returns the totals. */
    public static SqltestResult runAll(List<Path> files, boolean verbose, SqltestRunner.Databases databases,
            Predicate<String> isComplete, PrintStream out) {
        SqltestResult total = new SqltestResult();
        Path temp;
        try {
            temp = Files.createTempDirectory("sqltest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Path file : files) {
                SqltestRunner runner = new SqltestRunner(databases, isComplete, corpusDir(file), temp);
                SqltestResult r;
                long t0 = System.nanoTime();
                try {
                    r = runner.runFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    r = new SqltestResult();
                    r.failed++;
                    r.failures.add(file + ": cannot read: " + e.getMessage());
                }
                out.println(file + ": " + r + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
                if (verbose) {
                    for (String f : r.failures) {
                        out.println("    FAIL " + f);
                    }
                }
                out.flush();
                total.add(r);
            }
        } finally {
            deleteTree(temp);
        }
        return total;
    }

    /** The {@code .sqltest} files named or found under the folders named, each folder's in path order. */
    public static List<Path> files(List<String> args) {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            Path p = Paths.get(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(x -> x.toString().endsWith(".sqltest") && Files.isRegularFile(x)).sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static Path corpusDir(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("database"))) {
                return d;
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temp folder is left behind; no result depends on it
        }
    }
}
