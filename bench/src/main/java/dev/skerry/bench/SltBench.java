package dev.skerry.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times sqllogictest files on every target: each file's records run in order on a fresh in-memory database
 * (no file system, so what is timed is the engine), statements and queries timed apart, since the planner
 * shows in the queries. Results are not checked here (the {@code --slt} runner of the shell does that);
 * rows are fetched to the last one. A file is run {@code --reps} times per target, interleaved, and the
 * median is reported with Skerry's ratio to SQLite.
 *
 * <p>Usage: {@code java -jar bench/target/skerry-bench.jar --slt [--reps N] FILE...}. Records follow the
 * format of {@code slt-dev/FORMAT.md}: {@code statement ok|error}, {@code query TYPES SORT [LABEL]} with its
 * SQL ending at {@code ----}, {@code skipif}/{@code onlyif} (the engine is {@code sqlite}), {@code halt},
 * {@code hash-threshold}.
 */
final class SltBench {
    /** One record to run: its SQL and whether it is a query. */
    private static final class Step {
        final String sql;
        final boolean query;

        Step(String sql, boolean query) {
            this.sql = sql;
            this.query = query;
        }
    }

    /** Times of one run of one file on one target, in nanoseconds, and the records that failed to run. */
    private static final class Times {
        long statements;
        long queries;
        int errors;
    }

    private SltBench() {
    }

    static void main(String[] args) throws Exception {
        int reps = 1;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps")) {
                reps = Integer.parseInt(args[++i]);
            } else {
                files.add(args[i]);
            }
        }
        System.out.println("file | records | sqlite stmt ms | skerry stmt ms | sqlite query ms | skerry query ms"
                + " | query ratio | errors sqlite/skerry");
        double logSum = 0;
        long[] total = new long[4];
        for (String f : files) {
            List<Step> steps = parse(new String(Files.readAllBytes(Paths.get(f)), StandardCharsets.UTF_8));
            List<Times> sqlite = new ArrayList<>();
            List<Times> skerry = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                sqlite.add(run("sqlite", steps));
                skerry.add(run("skerry", steps));
            }
            long sqS = median(sqlite, false);
            long skS = median(skerry, false);
            long sqQ = median(sqlite, true);
            long skQ = median(skerry, true);
            double ratio = (double) Math.max(skQ, 1) / Math.max(sqQ, 1);
            logSum += Math.log(ratio);
            total[0] += sqS;
            total[1] += skS;
            total[2] += sqQ;
            total[3] += skQ;
            System.out.println(f + " | " + steps.size() + " | " + ms(sqS) + " | " + ms(skS) + " | " + ms(sqQ) + " | "
                    + ms(skQ) + " | " + ratio(ratio) + " | " + sqlite.get(0).errors + "/" + skerry.get(0).errors);
        }
        if (!files.isEmpty()) {
            System.out.println("total | | " + ms(total[0]) + " | " + ms(total[1]) + " | " + ms(total[2]) + " | "
                    + ms(total[3]) + " | " + ratio((double) total[3] / Math.max(total[2], 1))
                    + " | geometric mean of query ratios " + ratio(Math.exp(logSum / files.size())));
        }
    }

    private static String ms(long nanos) {
        return Long.toString(Math.round(nanos / 1e6));
    }

    private static String ratio(double r) {
        return Double.toString(Math.round(r * 100) / 100.0);
    }

    private static long median(List<Times> runs, boolean queries) {
        long[] v = new long[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = queries ? runs.get(i).queries : runs.get(i).statements;
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static Times run(String target, List<Step> steps) throws Exception {
        Times t = new Times();
        try (Target db = Targets.openInMemory(target)) {
            for (Step s : steps) {
                long start = System.nanoTime();
                try (Target.PreparedStep ps = db.prepare(s.sql)) {
                    if (s.query) {
                        ps.all(new Object[0]);
                    } else {
                        ps.run(new Object[0]);
                    }
                } catch (Exception e) {
                    t.errors++;
                }
                long took = System.nanoTime() - start;
                if (s.query) {
                    t.queries += took;
                } else {
                    t.statements += took;
                }
            }
        }
        return t;
    }

    /** The records of a script that run on SQLite, in order, up to {@code halt}. */
    static List<Step> parse(String text) {
        List<Step> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("#")) {
                continue;
            }
            if (!line.isBlank()) {
                record.add(line);
                continue;
            }
            if (!record.isEmpty() && !add(record, out)) {
                break;
            }
            record.clear();
        }
        return out;
    }

    /** Adds the record's step, if it has one; false at {@code halt}. */
    private static boolean add(List<String> record, List<Step> out) {
        int i = 0;
        boolean skip = false;
        for (; i < record.size(); i++) {
            String[] w = record.get(i).trim().split("\\s+");
            if (w[0].equals("skipif") && w.length > 1) {
                skip |= w[1].equalsIgnoreCase("sqlite");
            } else if (w[0].equals("onlyif") && w.length > 1) {
                skip |= !w[1].equalsIgnoreCase("sqlite");
            } else {
                break;
            }
        }
        if (skip || i == record.size()) {
            return true;
        }
        String[] header = record.get(i).trim().split("\\s+");
        if (header[0].equals("halt")) {
            return false;
        }
        boolean query = header[0].equals("query");
        if (!query && !header[0].equals("statement")) {
            return true;
        }
        StringBuilder sql = new StringBuilder();
        for (int k = i + 1; k < record.size() && !record.get(k).equals("----"); k++) {
            sql.append(record.get(k)).append('\n');
        }
        out.add(new Step(sql.toString(), query));
        return true;
    }
}
