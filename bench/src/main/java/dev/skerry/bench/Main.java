package dev.skerry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the workload on every target, repetitions interleaved (rep 1 of each target, then rep 2, …), each on
 * a fresh database file, and prints the median time of every step with Skerry's ratio to SQLite.
 *
 * <p>Usage: {@code java -jar bench/target/skerry-bench.jar [--reps N] [--scale F] [--only a,b]}; with
 * {@code --slt} first, the sqllogictest timing of {@link SltBench} instead.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--slt")) {
            SltBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int reps = 3;
        double scale = 1.0;
        List<String> names = new ArrayList<>(Targets.NAMES);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps": reps = Integer.parseInt(args[++i]); break;
                case "--scale": scale = Double.parseDouble(args[++i]); break;
                case "--only": names = Arrays.asList(args[++i].split(",")); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        WorkloadData data = new WorkloadData(42, scale);
        Map<String, List<Workload>> runs = new LinkedHashMap<>();
        for (String n : names) {
            runs.put(n, new ArrayList<>());
        }
        for (int rep = 0; rep < reps; rep++) {
            for (String n : names) {
                Path dir = Files.createTempDirectory("skerry-bench-");
                Workload w = new Workload();
                try (Target t = Targets.open(n, dir.resolve("bench.db").toString())) {
                    w.run(t, data);
                }
                runs.get(n).add(w);
                deleteTree(dir);
                System.err.println("rep " + (rep + 1) + " " + n + " done");
            }
        }
        System.out.print(Report.table(runs, scale));
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.deleteIfExists(p);
            }
        }
    }
}
