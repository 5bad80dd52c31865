package dev.skerry.engine.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.value.SqliteOracle.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SQL printf() compared with SQLite over many formats and argument values. */
class PrintfDifferentialTest extends WithSqliteOracle {

    private static Outcome skerry(String fmt, Mem... args) {
        String r = Printf.format(fmt, args, 0, args.length);
        return Outcome.of(r == null ? SqliteOracle.nul() : SqliteOracle.text(r));
    }

    private static String[] formats() {
        List<String> f = new ArrayList<>();
        String[] convs = {"d", "i", "u", "x", "X", "o", "f", "e", "E", "g", "G", "s", "q", "Q", "w", "c", "p", "z"};
        String[] mods = {"", "5", "-5", "05", "+", " ", "#", ",", "!", ".3", ".0", "10.4", "-10.4", "+.2", "020.3",
            "!.20", ",.2", "#.3", "!10", "!.2", ".30", "#x", "-08", ".1", "!.15", "#10.3"};
        for (String c : convs) {
            for (String m : mods) {
                f.add("%" + m + c);
            }
        }
        String[] extra = {"%%", "abc", "", "%", "x%yz", "%5.2f|%-8s|%3d", "%*d", "%-*d", "%.*f", "%*.*f", "%n", "%ld",
            "%lld", "%T", "%r", "%S", "%!.15g", "%.3f", "%!0.15g", "%!0.20e", "%#.0f", "%#g", "%#.3g", "%+.3e",
            "%,d", "%,.3f", "%.16g", "%.17g", "%.20f", "%.26f", "%!.26g", "%5c", "%.5c", "%-5.3c", "%!.3s", "%!5s",
            "%.2s", "%010d", "%010.3f", "%-010d", "%.0e", "%.0g", "%#o", "%#X", "%'d", "%0s", "%.3q", "%!.2Q"};
        for (String e : extra) {
            f.add(e);
        }
        return f.toArray(new String[0]);
    }

    @Test
    void printfMatchesSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        List<Mem> values = SqliteOracle.edgeValues();
        for (String fmt : formats()) {
            for (Mem v : values) {
                Outcome e = sqlite.eval("printf(?1, ?2, ?3, ?4)", SqliteOracle.text(fmt), v, v, v);
                Outcome s = skerry(fmt, v, v, v);
                if (!SqliteOracle.same(e, s) && failures.size() < 40) {
                    failures.add("printf('" + fmt + "', " + SqliteOracle.describe(v) + "): sqlite " + e + ", skerry " + s);
                }
                n++;
            }
        }
        Random r = new Random(3);
        String[] realFormats = {"%.3f", "%f", "%e", "%g", "%.10g", "%.15g", "%!.15g", "%.2e", "%.0f", "%.16g", "%!.20g",
            "%.1f", "%10.5f", "%.6e"};
        for (int k = 0; k < 6000; k++) {
            double d;
            switch (k % 3) {
                case 0: d = Double.longBitsToDouble(r.nextLong()); break;
                case 1: d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(30) - 10); break;
                default: d = Math.round(r.nextDouble() * 100000) / 10000.0 + 0.00005 * r.nextInt(3); break;
            }
            if (Double.isNaN(d)) {
                continue;
            }
            String fmt = realFormats[k % realFormats.length];
            Mem v = SqliteOracle.real(d);
            Outcome e = sqlite.eval("printf(?1, ?2, ?3, ?4)", SqliteOracle.text(fmt), v, v, v);
            Outcome s = skerry(fmt, v);
            if (!SqliteOracle.same(e, s) && failures.size() < 40) {
                failures.add("printf('" + fmt + "', " + SqliteOracle.describe(v) + "): sqlite " + e + ", skerry " + s);
            }
            n++;
        }
        int[][] stars = {{5, 2}, {-5, 2}, {0, 0}, {3, -2}, {-3, -1}, {12, 30}};
        for (int[] st : stars) {
            for (String fmt : new String[] {"%*.*f", "%*.*s", "%*d", "%.*e", "%*.*g"}) {
                Mem[] args = {SqliteOracle.integer(st[0]), SqliteOracle.integer(st[1]), SqliteOracle.real(3.14159265),
                    SqliteOracle.text("hello")};
                Outcome e = sqlite.eval("printf(?1, ?2, ?3, ?4, ?5)", SqliteOracle.text(fmt), args[0], args[1], args[2], args[3]);
                Outcome s = skerry(fmt, args);
                if (!SqliteOracle.same(e, s) && failures.size() < 40) {
                    failures.add("printf('" + fmt + "', " + st[0] + ", " + st[1] + "): sqlite " + e + ", skerry " + s);
                }
                n++;
            }
        }
        System.out.println("printf cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
