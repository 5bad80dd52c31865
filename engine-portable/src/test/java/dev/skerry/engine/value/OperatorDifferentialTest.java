package dev.skerry.engine.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.value.SqliteOracle.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Arithmetic, bitwise, concatenation, unary operators and CAST compared with SQLite on all pairs of edge values. */
class OperatorDifferentialTest extends WithSqliteOracle {

    interface Binary {
        void apply(Mem a, Mem b, Mem out);
    }

    interface Unary {
        void apply(Mem a, Mem out);
    }

    private static int checkBinary(String sql, Binary op, List<String> failures) throws Exception {
        int n = 0;
        List<Mem> values = SqliteOracle.edgeValues();
        for (Mem a : values) {
            for (Mem b : values) {
                Outcome expected = sqlite.eval(sql, a, b);
                Mem out = new Mem();
                op.apply(a, b, out);
                Outcome actual = Outcome.of(out);
                if (!SqliteOracle.same(expected, actual) && failures.size() < 40) {
                    failures.add(sql + " with " + SqliteOracle.describe(a) + ", " + SqliteOracle.describe(b)
                            + ": sqlite " + expected + ", skerry " + actual);
                }
                n++;
            }
        }
        return n;
    }

    private static int checkUnary(String sql, Unary op, List<String> failures) throws Exception {
        int n = 0;
        for (Mem a : SqliteOracle.edgeValues()) {
            Outcome expected = sqlite.eval(sql, a);
            Mem out = new Mem();
            op.apply(a, out);
            Outcome actual = Outcome.of(out);
            if (!SqliteOracle.same(expected, actual) && failures.size() < 40) {
                failures.add(sql + " with " + SqliteOracle.describe(a) + ": sqlite " + expected + ", skerry " + actual);
            }
            n++;
        }
        return n;
    }

    @Test
    void binaryOperatorsMatchSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        n += checkBinary("?1 + ?2", Arithmetic::add, failures);
        n += checkBinary("?1 - ?2", Arithmetic::subtract, failures);
        n += checkBinary("?1 * ?2", Arithmetic::multiply, failures);
        n += checkBinary("?1 / ?2", Arithmetic::divide, failures);
        n += checkBinary("?1 % ?2", Arithmetic::remainder, failures);
        n += checkBinary("?1 & ?2", Arithmetic::bitAnd, failures);
        n += checkBinary("?1 | ?2", Arithmetic::bitOr, failures);
        n += checkBinary("?1 << ?2", Arithmetic::shiftLeft, failures);
        n += checkBinary("?1 >> ?2", Arithmetic::shiftRight, failures);
        n += checkBinary("?1 || ?2", Arithmetic::concat, failures);
        System.out.println("binary operator cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Random operands near the interesting boundaries: 2^53, 2^63, products near overflow, numeric text. */
    @Test
    void randomOperandsMatchSqlite() throws Exception {
        java.util.Random r = new java.util.Random(99);
        List<String> failures = new ArrayList<>();
        String[] sqls = {"?1 + ?2", "?1 - ?2", "?1 * ?2", "?1 / ?2", "?1 % ?2", "?1 << ?2", "?1 >> ?2"};
        Binary[] ops = {Arithmetic::add, Arithmetic::subtract, Arithmetic::multiply, Arithmetic::divide,
            Arithmetic::remainder, Arithmetic::shiftLeft, Arithmetic::shiftRight};
        int n = 0;
        for (int k = 0; k < 20000; k++) {
            Mem a = randomOperand(r);
            Mem b = randomOperand(r);
            int op = k % sqls.length;
            Outcome expected = sqlite.eval(sqls[op], a, b);
            Mem out = new Mem();
            ops[op].apply(a, b, out);
            Outcome actual = Outcome.of(out);
            if (!SqliteOracle.same(expected, actual) && failures.size() < 40) {
                failures.add(sqls[op] + " with " + SqliteOracle.describe(a) + ", " + SqliteOracle.describe(b)
                        + ": sqlite " + expected + ", skerry " + actual);
            }
            n++;
        }
        System.out.println("random operator cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Mem randomOperand(java.util.Random r) {
        switch (r.nextInt(6)) {
            case 0: return SqliteOracle.integer(r.nextLong() >> r.nextInt(64));
            case 1: return SqliteOracle.integer((r.nextBoolean() ? 1L : -1L) * (3037000499L + r.nextInt(3)));
            case 2: return SqliteOracle.real((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
            case 3: return SqliteOracle.integer(r.nextInt(130) - 65);
            case 4: return SqliteOracle.text(" " + (r.nextLong() >> r.nextInt(64)) + (r.nextBoolean() ? "" : ".5e1"));
            default: return SqliteOracle.real(Math.rint((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(70))));
        }
    }

    @Test
    void unaryOperatorsAndCastsMatchSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        n += checkUnary("-?1", Arithmetic::negate, failures);
        n += checkUnary("~?1", Arithmetic::bitNot, failures);
        n += checkUnary("NOT ?1", (a, out) -> {
            if (a.isNull()) {
                out.setNull();
            } else {
                out.setLong(Convert.toBoolean(a, false) ? 0 : 1);
            }
        }, failures);
        char[] affs = {Affinity.INTEGER, Affinity.REAL, Affinity.NUMERIC, Affinity.TEXT, Affinity.BLOB};
        String[] names = {"INTEGER", "REAL", "NUMERIC", "TEXT", "BLOB"};
        for (int k = 0; k < affs.length; k++) {
            char aff = affs[k];
            n += checkUnary("CAST(?1 AS " + names[k] + ")", (a, out) -> {
                out.copyFrom(a);
                Convert.cast(out, aff);
            }, failures);
        }
        System.out.println("unary/cast cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void columnAffinityOnStoreMatchesSqlite() throws Exception {
        List<String> failures = new ArrayList<>();
        String[] decls = {"INTEGER", "REAL", "NUMERIC", "TEXT", "BLOB", "", "VARCHAR(10)", "DOUBLE PRECISION",
            "FLOATING POINT", "BIGINT", "CHARINT", "BLOBBY", "DECIMAL(10,5)", "STRING", "CLOB", "POINT", "TINT"};
        StringBuilder create = new StringBuilder("CREATE TABLE aff(");
        for (int k = 0; k < decls.length; k++) {
            create.append(k == 0 ? "" : ", ").append("c").append(k).append(' ').append(decls[k]);
        }
        create.append(')');
        sqlite.connection().createStatement().execute(create.toString());
        int n = 0;
        for (Mem v : SqliteOracle.edgeValues()) {
            sqlite.connection().createStatement().execute("DELETE FROM aff");
            StringBuilder ins = new StringBuilder("INSERT INTO aff VALUES(");
            for (int k = 0; k < decls.length; k++) {
                ins.append(k == 0 ? "?" : ",?");
            }
            ins.append(')');
            try (java.sql.PreparedStatement ps = sqlite.connection().prepareStatement(ins.toString())) {
                for (int k = 0; k < decls.length; k++) {
                    SqliteOracle.bind(ps, k + 1, v);
                }
                ps.executeUpdate();
            }
            try (java.sql.ResultSet rs = sqlite.connection().createStatement().executeQuery("SELECT * FROM aff")) {
                rs.next();
                for (int k = 0; k < decls.length; k++) {
                    Outcome expected = Outcome.of(SqliteOracle.read(rs, k + 1));
                    Mem m = new Mem();
                    m.copyFrom(v);
                    Affinity.apply(m, Affinity.fromDeclaredType(decls[k]));
                    Outcome actual = Outcome.of(m);
                    if (!SqliteOracle.same(expected, actual) && failures.size() < 40) {
                        failures.add("column " + decls[k] + " storing " + SqliteOracle.describe(v) + ": sqlite "
                                + expected + ", skerry " + actual);
                    }
                    n++;
                }
            }
        }
        System.out.println("affinity store cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
