package dev.skerry.engine.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.SqliteOracle;
import dev.skerry.engine.value.SqliteOracle.Outcome;
import dev.skerry.engine.value.WithSqliteOracle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every built-in function compared with SQLite 3.50.3 over edge values of all storage classes. */
class FunctionDifferentialTest extends WithSqliteOracle {
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();

    /** A context like a fresh connection's: nothing inserted or changed yet. */
    static final class FreshContext implements FunctionContext {
        private final Random random = new Random(1);

        @Override
        public long lastInsertRowid() {
            return 0;
        }

        @Override
        public long changes() {
            return 0;
        }

        @Override
        public long totalChanges() {
            return 0;
        }

        @Override
        public void randomBytes(byte[] out) {
            random.nextBytes(out);
        }

        @Override
        public long stepTimeMillis() {
            return 0;
        }

        @Override
        public int localOffsetSeconds(long utcMillis) {
            return 0;
        }
    }

    static Outcome skerry(String name, Mem... args) {
        try {
            FunctionDef d = REGISTRY.lookup(name, args.length);
            Mem out = new Mem();
            Mem[] regs = new Mem[args.length + 2];
            regs[0] = new Mem();
            for (int k = 0; k < args.length; k++) {
                regs[k + 1] = new Mem();
                regs[k + 1].copyFrom(args[k]);
            }
            regs[args.length + 1] = new Mem();
            if (d.isAggregate()) {
                Accumulator acc = d.aggregate().newAccumulator();
                acc.step(new FreshContext(), regs, 1, args.length);
                acc.finalizeInto(out);
            } else {
                d.scalar().invoke(new FreshContext(), regs, 1, args.length, out);
            }
            return Outcome.of(out);
        } catch (SqliteException e) {
            return Outcome.error(e.getMessage());
        }
    }

    static String call(String name, int argc) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int k = 1; k <= argc; k++) {
            sb.append(k == 1 ? "" : ",").append('?').append(k);
        }
        return sb.append(')').toString();
    }

    private static List<Mem> small() {
        List<Mem> v = new ArrayList<>();
        v.add(SqliteOracle.nul());
        for (long x : new long[] {0, 1, -1, 2, 3, -3, 5, 100, Long.MIN_VALUE, Long.MAX_VALUE}) {
            v.add(SqliteOracle.integer(x));
        }
        for (double x : new double[] {0.0, 1.5, -2.5, 2.0, 1e20, 0.123456}) {
            v.add(SqliteOracle.real(x));
        }
        for (String s : new String[] {"", "abc", "héllo wörld", " x ", "ab", "b", "2", "-1", "1.5", "%", "x%y", "日本",
            "abcabc", "  ", "a\u0000b", "0x1f", "3q", "41", "'", "\\"}) {
            v.add(SqliteOracle.text(s));
        }
        v.add(SqliteOracle.blob("ab"));
        v.add(SqliteOracle.blob(""));
        v.add(SqliteOracle.blob("abcab"));
        return v;
    }

    /** Transcendental functions come from Java's Math, not the C library: allow one unit in the last place. */
    private static final java.util.Set<String> INEXACT = java.util.Set.of("acos", "asin", "atan", "acosh", "asinh",
        "atanh", "cos", "sin", "tan", "cosh", "sinh", "tanh", "exp", "ln", "log", "log10", "log2", "pow", "power",
        "atan2");

    static boolean sameOrWithinOneUlp(String name, Outcome e, Outcome s) {
        if (SqliteOracle.same(e, s)) {
            return true;
        }
        if (!INEXACT.contains(name) || e.value == null || s.value == null || e.value.type() != Mem.FLOAT
                || s.value.type() != Mem.FLOAT) {
            return false;
        }
        double x = e.value.doubleValue();
        double y = s.value.doubleValue();
        return Math.abs(x - y) <= Math.ulp(x);
    }

    private int compareAll(String name, int argc, List<Mem> values, List<String> failures) throws SQLException {
        int n = 0;
        int shown = 0;
        String sql = call(name, argc);
        int total = 1;
        for (int k = 0; k < argc; k++) {
            total *= values.size();
        }
        for (int idx = 0; idx < total; idx++) {
            Mem[] args = new Mem[argc];
            int rest = idx;
            for (int k = 0; k < argc; k++) {
                args[k] = values.get(rest % values.size());
                rest /= values.size();
            }
            Outcome e = sqlite.eval(sql, args);
            Outcome s = skerry(name, args);
            if (!sameOrWithinOneUlp(name, e, s) && failures.size() < 80 && shown++ < 4) {
                StringBuilder d = new StringBuilder(name).append('(');
                for (Mem a : args) {
                    d.append(SqliteOracle.describe(a)).append("; ");
                }
                failures.add(d + "): sqlite " + e + ", skerry " + s);
            }
            n++;
        }
        return n;
    }

    @Test
    void scalarFunctionsMatchSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Mem> edge = SqliteOracle.edgeValues();
        List<Mem> small = small();
        List<Mem> tiny = small.subList(0, 14);
        int n = 0;
        String[] oneArg = {"abs", "length", "octet_length", "lower", "upper", "trim", "ltrim", "rtrim", "typeof", "hex",
            "unhex", "quote", "round", "zeroblob", "char", "unicode", "sign", "likely", "unlikely", "concat", "printf",
            "format", "coalesce", "ifnull", "iif", "min", "max", "replace", "substr", "nullif", "instr", "if", "ceil",
            "ceiling", "floor", "trunc", "acos", "asin", "atan", "acosh", "asinh", "atanh", "cos", "sin", "tan", "cosh",
            "sinh", "tanh", "exp", "sqrt", "degrees", "radians", "ln", "log", "log10", "log2", "unistr",
            "unistr_quote", "subtype", "pi"};
        for (String f : oneArg) {
            n += compareAll(f, 1, edge, failures);
        }
        n += compareAll("upper", 1, small, failures);
        String[] twoArg = {"substr", "substring", "trim", "ltrim", "rtrim", "instr", "round", "coalesce", "ifnull",
            "nullif", "iif", "if", "min", "max", "concat", "concat_ws", "like", "glob", "printf", "unhex", "char", "pow",
            "power", "mod", "atan2", "log"};
        for (String f : twoArg) {
            n += compareAll(f, 2, small, failures);
        }
        String[] threeArg = {"substr", "replace", "iif", "if", "coalesce", "min", "max", "concat_ws", "like", "char",
            "printf"};
        for (String f : threeArg) {
            n += compareAll(f, 3, tiny, failures);
        }
        for (String f : new String[] {"char", "concat", "concat_ws", "coalesce", "min", "max", "printf", "format",
            "sqlite_version", "nosuchfunction", "abs", "substr"}) {
            n += compareAll(f, 0, small, failures);
        }
        n += compareAll("abs", 2, tiny, failures);
        n += compareAll("iif", 4, small.subList(0, 8), failures);
        n += compareAll("iif", 5, small.subList(0, 6), failures);
        n += compareAll("pi", 0, small, failures);
        List<Mem> escapes = new ArrayList<>();
        for (String t : new String[] {"a\\u0041b", "\\+01F600", "\\U0001F600", "\\\\x", "\\x", "\\0041",
            "\\u004", "\\", "tab\tnl\n", "q'\\"}) {
            escapes.add(SqliteOracle.text(t));
        }
        n += compareAll("unistr", 1, escapes, failures);
        n += compareAll("unistr_quote", 1, escapes, failures);
        n += compareAll("round", 3, tiny.subList(0, 3), failures);
        System.out.println("scalar function cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void connectionFunctionsReadTheContext() throws Exception {
        try (SqliteOracle fresh = new SqliteOracle()) {
            for (String f : new String[] {"changes", "total_changes", "last_insert_rowid"}) {
                Outcome e = fresh.eval(f + "()");
                Outcome s = skerry(f);
                assertTrue(SqliteOracle.same(e, s), f + ": sqlite " + e + ", skerry " + s);
            }
        }
    }

    @Test
    void roundMatchesSqliteOnManyReals() throws Exception {
        List<String> failures = new ArrayList<>();
        Random r = new Random(11);
        int n = 0;
        for (int k = 0; k < 4000; k++) {
            double d = k % 2 == 0 ? (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 5)
                    : Math.round(r.nextDouble() * 1e6) / 1e4 + 0.005;
            Mem x = SqliteOracle.real(d);
            Mem digits = SqliteOracle.integer(r.nextInt(8));
            Outcome e = sqlite.eval("round(?1, ?2)", x, digits);
            Outcome s = skerry("round", x, digits);
            if (!SqliteOracle.same(e, s) && failures.size() < 30) {
                failures.add("round(" + d + ", " + digits.longValue() + "): sqlite " + e + ", skerry " + s);
            }
            n++;
        }
        System.out.println("round cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void randomFunctionsHaveSqliteShapes() throws Exception {
        Outcome r = skerry("random");
        assertEquals(Mem.INTEGER, r.value.type());
        for (long size : new long[] {-5, 0, 1, 16}) {
            Outcome b = skerry("randomblob", SqliteOracle.integer(size));
            Outcome e = sqlite.eval("length(randomblob(?1))", SqliteOracle.integer(size));
            assertEquals(e.value.longValue(), b.value.blob().length);
        }
    }

    /**
     * Sliding frames {@code ROWS BETWEEN 2 PRECEDING AND CURRENT ROW}: SQLite steps the new row and
     * returns the value, then removes the row leaving the frame; emulated with step, valueInto, inverse.
     */
    @Test
    void windowInverseMatchesSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Mem> edge = SqliteOracle.edgeValues();
        Random r = new Random(8);
        int n = 0;
        String[][] aggs = {{"count", "0"}, {"count", "1"}, {"sum", "1"}, {"total", "1"}, {"avg", "1"},
            {"group_concat", "1"}, {"group_concat", "2"}, {"string_agg", "2"}};
        try (SqliteOracle db = new SqliteOracle()) {
            try (Statement st = db.connection().createStatement()) {
                st.execute("CREATE TABLE w(id INTEGER PRIMARY KEY, v, s)");
            }
            for (int trial = 0; trial < 150; trial++) {
                List<Mem[]> rows = new ArrayList<>();
                int size = 1 + r.nextInt(10);
                for (int k = 0; k < size; k++) {
                    Mem v = trial % 5 == 4 ? (k == 0 ? edge.get(r.nextInt(edge.size())) : SqliteOracle.nul())
                            : trial % 3 == 0
                            ? SqliteOracle.integer(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 1, -1, 5}[r.nextInt(5)])
                            : edge.get(r.nextInt(edge.size()));
                    Mem sep = r.nextBoolean() ? SqliteOracle.text("+") : edge.get(r.nextInt(edge.size()));
                    rows.add(new Mem[] {v, sep});
                }
                try (Statement st = db.connection().createStatement()) {
                    st.execute("DELETE FROM w");
                }
                try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO w(v, s) VALUES(?, ?)")) {
                    for (Mem[] row : rows) {
                        SqliteOracle.bind(ps, 1, row[0]);
                        SqliteOracle.bind(ps, 2, row[1]);
                        ps.executeUpdate();
                    }
                }
                for (String[] agg : aggs) {
                    int argc = Integer.parseInt(agg[1]);
                    String sql = "SELECT " + agg[0] + (argc == 0 ? "(*)" : argc == 1 ? "(v)" : "(v, s)")
                            + " OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM w ORDER BY id";
                    List<Outcome> expected = new ArrayList<>();
                    try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            expected.add(Outcome.of(SqliteOracle.read(rs, 1)));
                        }
                    } catch (SQLException ex) {
                        expected.add(Outcome.error(SqliteOracle.message(ex)));
                    }
                    List<Outcome> actual = new ArrayList<>();
                    try {
                        Accumulator acc = REGISTRY.lookup(agg[0], argc).aggregate().newAccumulator();
                        assertTrue(acc.hasInverse());
                        FreshContext ctx = new FreshContext();
                        for (int i = 0; i < rows.size(); i++) {
                            acc.step(ctx, regsOf(rows.get(i)), 0, argc);
                            Mem out = new Mem();
                            acc.valueInto(out);
                            actual.add(Outcome.of(out));
                            if (i - 2 >= 0) {
                                acc.inverse(ctx, regsOf(rows.get(i - 2)), 0, argc);
                            }
                        }
                    } catch (SqliteException ex) {
                        actual.add(Outcome.error(ex.getMessage()));
                    }
                    boolean same = expected.size() == actual.size();
                    for (int i = 0; same && i < expected.size(); i++) {
                        same = SqliteOracle.same(expected.get(i), actual.get(i));
                    }
                    if (!same && failures.size() < 20) {
                        StringBuilder d = new StringBuilder();
                        for (Mem[] row : rows) {
                            d.append(SqliteOracle.describe(row[0])).append(" sep ").append(SqliteOracle.describe(row[1]))
                                    .append("; ");
                        }
                        failures.add(agg[0] + "/" + argc + " over [" + d + "]: sqlite " + expected + ", skerry " + actual);
                    }
                    n += expected.size();
                }
            }
        }
        System.out.println("window cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Mem[] regsOf(Mem[] row) {
        Mem[] regs = {new Mem(), new Mem()};
        regs[0].copyFrom(row[0]);
        regs[1].copyFrom(row[1]);
        return regs;
    }

    @Test
    void aggregatesMatchSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Mem> edge = SqliteOracle.edgeValues();
        Random r = new Random(5);
        int n = 0;
        try (Statement st = sqlite.connection().createStatement()) {
            st.execute("CREATE TABLE g(v, s)");
        }
        String[][] aggs = {{"count", "0"}, {"count", "1"}, {"sum", "1"}, {"total", "1"}, {"avg", "1"}, {"min", "1"},
            {"max", "1"}, {"group_concat", "1"}, {"group_concat", "2"}, {"string_agg", "2"}};
        for (int trial = 0; trial < 400; trial++) {
            List<Mem> rows = new ArrayList<>();
            int size = trial < 5 ? trial : 1 + r.nextInt(8);
            boolean intsOnly = trial % 4 == 1;
            for (int k = 0; k < size; k++) {
                if (intsOnly) {
                    long[] big = {Long.MAX_VALUE, Long.MIN_VALUE, 1, -1, 4611686018427387904L, 7};
                    rows.add(SqliteOracle.integer(big[r.nextInt(big.length)]));
                } else {
                    rows.add(edge.get(r.nextInt(edge.size())));
                }
            }
            Mem sep = r.nextBoolean() ? SqliteOracle.text("; ") : edge.get(r.nextInt(edge.size()));
            try (Statement st = sqlite.connection().createStatement()) {
                st.execute("DELETE FROM g");
            }
            try (PreparedStatement ps = sqlite.connection().prepareStatement("INSERT INTO g VALUES(?, ?)")) {
                for (Mem m : rows) {
                    SqliteOracle.bind(ps, 1, m);
                    SqliteOracle.bind(ps, 2, sep);
                    ps.executeUpdate();
                }
            }
            for (String[] agg : aggs) {
                int argc = Integer.parseInt(agg[1]);
                String sql = "SELECT " + agg[0] + (argc == 0 ? "(*)" : argc == 1 ? "(v)" : "(v, s)") + " FROM g";
                Outcome e;
                try (Statement st = sqlite.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    e = Outcome.of(SqliteOracle.read(rs, 1));
                } catch (SQLException ex) {
                    e = Outcome.error(SqliteOracle.message(ex));
                }
                Outcome s;
                try {
                    Accumulator acc = REGISTRY.lookup(agg[0], argc).aggregate().newAccumulator();
                    FreshContext ctx = new FreshContext();
                    for (Mem m : rows) {
                        Mem[] regs = {new Mem(), new Mem()};
                        regs[0].copyFrom(m);
                        regs[1].copyFrom(sep);
                        acc.step(ctx, regs, 0, argc);
                    }
                    Mem out = new Mem();
                    acc.finalizeInto(out);
                    s = Outcome.of(out);
                } catch (SqliteException ex) {
                    s = Outcome.error(ex.getMessage());
                }
                if (!SqliteOracle.same(e, s) && failures.size() < 30) {
                    StringBuilder d = new StringBuilder();
                    for (Mem m : rows) {
                        d.append(SqliteOracle.describe(m)).append("; ");
                    }
                    failures.add(sql + " over [" + d + "] sep " + SqliteOracle.describe(sep) + ": sqlite " + e
                            + ", skerry " + s);
                }
                n++;
            }
        }
        System.out.println("aggregate cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
