package dev.skerry.engine.vdbe;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.Printf;

/**
 * The result rows of {@code EXPLAIN} (one per instruction: addr, opcode, p1, p2, p3, p4, p5, comment) and
 * of {@code EXPLAIN QUERY PLAN} (one per Explain instruction: id, parent, notused, detail), in SQLite's
 * format. P4 is shown as SQLite shows it: integers as numbers, reals as {@code %.16g}, text as is, a KeyInfo as {@code k(N,B,-B)},
 * a collation as {@code BINARY-8}, a function as {@code name(nArg)}, an int array as {@code [a,b]}. The
 * comment is the instruction's own, else the opcode's synopsis with its operands filled in (SQLite's
 * {@code SQLITE_ENABLE_EXPLAIN_COMMENTS} output).
 */
public final class Explainer {
    public static final String[] EXPLAIN_COLUMNS = {"addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"};
    public static final String[] QUERY_PLAN_COLUMNS = {"id", "parent", "notused", "detail"};

    private Explainer() {
    }

    /** Fills {@code row[0..8)} with the EXPLAIN row of instruction {@code addr}. */
    public static void explainRow(Program p, int addr, Mem[] row) {
        row[0].setLong(addr);
        row[1].setText(Opcode.name(p.opcode[addr]));
        row[2].setLong(p.p1[addr]);
        row[3].setLong(p.p2[addr]);
        row[4].setLong(p.p3[addr]);
        row[5].setText(p4Text(p, addr));
        row[6].setLong(p.p5[addr]);
        String c = p.comment[addr];
        row[7].setText(c != null ? c : synopsisText(p, addr));
    }

    /** Fills {@code row[0..4)} with the EXPLAIN QUERY PLAN row of the Explain instruction at {@code addr}. */
    public static void queryPlanRow(Program p, int addr, Mem[] row) {
        row[0].setLong(p.p1[addr]);
        row[1].setLong(p.p2[addr]);
        row[2].setLong(p.p3[addr]);
        row[3].setText(p.p4[addr] == null ? null : p.p4[addr].toString());
    }

    /** The text SQLite shows for P4, or null. */
    public static String p4Text(Program p, int addr) {
        Object v = p.p4[addr];
        if (v == null) {
            return null;
        }
        if (v instanceof KeyInfo) {
            KeyInfo k = (KeyInfo) v;
            StringBuilder sb = new StringBuilder("k(").append(k.nKeyFields());
            for (int i = 0; i < k.nKeyFields(); i++) {
                sb.append(',');
                if (k.descending(i)) {
                    sb.append('-');
                }
                Collation c = k.collation(i);
                sb.append(c == Collation.BINARY ? "B" : c.name());
            }
            return sb.append(')').toString();
        }
        if (v instanceof Collation) {
            return ((Collation) v).name() + "-8";
        }
        if (v instanceof int[]) {
            int[] a = (int[]) v;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a[i]);
            }
            return sb.append(']').toString();
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder("x'");
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            }
            return sb.append('\'').toString();
        }
        if (v instanceof Double) {
            Mem[] arg = {new Mem()};
            arg[0].setDouble(((Double) v).doubleValue());
            return Printf.format("%.16g", arg, 0, 1);
        }
        int op = p.opcode[addr];
        if (op == Opcode.VACUUM) {
            // Skerry's plan of the copy; SQLite's Vacuum has no P4.
            return null;
        }
        if (op == Opcode.FUNCTION || op == Opcode.AGG_STEP) {
            return FunctionCalls.describe(v, p.p5[addr]);
        }
        if (op == Opcode.AGG_FINAL || op == Opcode.AGG_VALUE) {
            return FunctionCalls.describe(v, p.p2[addr]);
        }
        return v.toString();
    }

    /** The opcode's synopsis with P1..P5 replaced by the operands ({@code r[X@N]} becomes {@code r[X..X+N-1]}). */
    static String synopsisText(Program p, int addr) {
        String s = Opcode.synopsis(p.opcode[addr]);
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'P' && i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '5') {
                int k = s.charAt(i + 1) - '0';
                i += 2;
                if (k == 4) {
                    String t = p4Text(p, addr);
                    out.append(t == null ? "" : t);
                    continue;
                }
                long v = operand(p, addr, k);
                if (i + 2 < s.length() && s.charAt(i) == '@' && s.charAt(i + 1) == 'P') {
                    int m = s.charAt(i + 2) - '0';
                    i += 3;
                    long n = operand(p, addr, m);
                    if (i < s.length() && s.charAt(i) == '+') {
                        n += s.charAt(i + 1) - '0';
                        i += 2;
                    }
                    out.append(v);
                    if (n > 1) {
                        out.append("..").append(v + n - 1);
                    }
                    continue;
                }
                out.append(v);
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static long operand(Program p, int addr, int k) {
        switch (k) {
            case 1: return p.p1[addr];
            case 2: return p.p2[addr];
            case 3: return p.p3[addr];
            default: return p.p5[addr];
        }
    }
}
