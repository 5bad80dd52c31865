package dev.skerry.engine.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers SQLite gives the SELECTs of a statement, shown by EXPLAIN QUERY PLAN as in
 * {@code SCALAR SUBQUERY 2}: SQLite numbers each simple SELECT (each core of a compound) when its parser
 * finishes it, so an inner query gets a smaller number than the query around it, and the numbers follow
 * where the cores end in the text. The cores are found by a scan of the SQL text: a core starts at
 * {@code SELECT} or {@code VALUES} and ends at the parenthesis closing the one it started in, at a compound
 * operator at its own depth, at a semicolon or at the end of the text. Strings, quoted names and comments
 * are skipped.
 */
final class SelectIds {
    private final String sql;
    /** Start and end offsets of every core, in the order the cores start. */
    private final List<int[]> cores = new ArrayList<>();

    SelectIds(String sql) {
        this.sql = sql;
        scan();
    }

    /** True when these numbers were computed for {@code text}. */
    boolean isFor(String text) {
        return sql == text;
    }

    /** The number of the query spanning {@code [start, end)} (of a compound, its last core's). */
    int idOf(int start, int end) {
        int last = -1;
        for (int[] c : cores) {
            if (c[0] >= start && c[0] < end) {
                last = Math.max(last, c[1]);
            }
        }
        int n = 0;
        for (int[] c : cores) {
            if (c[1] <= last) {
                n++;
            }
        }
        return n;
    }

    private void scan() {
        List<int[]> open = new ArrayList<>();
        List<Integer> openDepth = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                i = sql.indexOf(close, i + 1);
                i = i < 0 ? n : i + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = sql.indexOf('\n', i);
                i = i < 0 ? n : i + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = sql.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')' || c == ';') {
                closeAt(open, openDepth, c == ')' ? depth : -1, i);
                depth = c == ')' ? depth - 1 : depth;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$')) {
                    j++;
                }
                String w = sql.substring(i, j);
                if (w.equalsIgnoreCase("select") || w.equalsIgnoreCase("values")) {
                    if (!openDepth.isEmpty() && openDepth.get(openDepth.size() - 1) == depth) {
                        closeAt(open, openDepth, depth, i);
                    }
                    int[] core = {i, n};
                    cores.add(core);
                    open.add(core);
                    openDepth.add(depth);
                } else if (w.equalsIgnoreCase("union") || w.equalsIgnoreCase("intersect")
                        || w.equalsIgnoreCase("except")) {
                    closeAt(open, openDepth, depth, i);
                }
                i = j;
            } else {
                i++;
            }
        }
    }

    /** Ends the open cores at {@code depth} or deeper (every open core when depth is -1) at {@code at}. */
    private static void closeAt(List<int[]> open, List<Integer> openDepth, int depth, int at) {
        while (!open.isEmpty() && (depth < 0 || openDepth.get(openDepth.size() - 1) >= depth)) {
            open.remove(open.size() - 1)[1] = at;
            openDepth.remove(openDepth.size() - 1);
        }
    }
}
