package dev.skerry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats medians per step and target as a Markdown table, with each target's ratio to SQLite. */
final class Report {
    private Report() {
    }

    static String table(Map<String, List<Workload>> runs, double scale) {
        List<String> names = new ArrayList<>(runs.keySet());
        List<String> steps = new ArrayList<>(runs.get(names.get(0)).get(0).steps.keySet());
        StringBuilder sb = new StringBuilder();
        sb.append("scale ").append(scale).append(", ").append(runs.get(names.get(0)).size())
                .append(" reps, median ms\n\n| step |");
        for (String n : names) {
            sb.append(' ').append(n).append(" |");
        }
        boolean ratios = names.contains("sqlite") && names.size() > 1;
        if (ratios) {
            for (String n : names) {
                if (!n.equals("sqlite")) {
                    sb.append(' ').append(n).append("/sqlite |");
                }
            }
        }
        sb.append("\n|---|");
        int cols = names.size() + (ratios ? names.size() - 1 : 0);
        for (int i = 0; i < cols; i++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (String step : steps) {
            sb.append("| ").append(step).append(" |");
            for (String n : names) {
                sb.append(' ').append(fmt(median(runs.get(n), step))).append(" |");
            }
            if (ratios) {
                double base = median(runs.get("sqlite"), step);
                for (String n : names) {
                    if (!n.equals("sqlite")) {
                        sb.append(' ').append(fmt(median(runs.get(n), step) / base)).append("× |");
                    }
                }
            }
            sb.append('\n');
        }
        sb.append("\nResult checks (must agree):\n");
        for (String n : names) {
            sb.append("- ").append(n).append(": ").append(runs.get(n).get(0).checks).append('\n');
        }
        return sb.toString();
    }

    private static double median(List<Workload> ws, String step) {
        List<Double> v = new ArrayList<>();
        for (Workload w : ws) {
            v.add(w.steps.get(step));
        }
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
