package dev.skerry.engine.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.value.SqliteOracle.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Comparison operators with affinity and collation, LIKE and GLOB, compared with SQLite: a column of each
 * affinity compared with a bound value (no affinity) and with another column.
 */
class CompareDifferentialTest extends WithSqliteOracle {
    private static final String[] OPS = {"=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT"};
    private static final int[] CODES = {Compare.EQ, Compare.NE, Compare.LT, Compare.LE, Compare.GT, Compare.GE,
        Compare.IS, Compare.IS_NOT};

    private static Outcome skerry(int op, Mem a, Mem b, char aff, Collation coll) {
        Mem out = new Mem();
        Compare.evaluate(op, a, b, aff, coll, out);
        return Outcome.of(out);
    }

    @Test
    void boundValuesCompareWithoutAffinity() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        List<Mem> values = SqliteOracle.edgeValues();
        String[] colls = {"BINARY", "NOCASE", "RTRIM"};
        for (int o = 0; o < OPS.length; o++) {
            for (String coll : colls) {
                String sql = "?1 " + OPS[o] + " ?2 COLLATE " + coll;
                for (Mem a : values) {
                    for (Mem b : values) {
                        if (!coll.equals("BINARY") && a.type() != Mem.TEXT && b.type() != Mem.TEXT) {
                            continue;
                        }
                        Outcome e = sqlite.eval(sql, a, b);
                        Outcome s = skerry(CODES[o], a, b, Affinity.NONE, Collation.byName(coll));
                        if (!SqliteOracle.same(e, s) && failures.size() < 30) {
                            failures.add(sql + " " + SqliteOracle.describe(a) + ", " + SqliteOracle.describe(b)
                                    + ": sqlite " + e + ", skerry " + s);
                        }
                        n++;
                    }
                }
            }
        }
        System.out.println("bound comparison cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void columnsCompareWithAffinity() throws Exception {
        String[] decls = {"INTEGER", "REAL", "NUMERIC", "TEXT", "BLOB"};
        try (Statement st = sqlite.connection().createStatement()) {
            st.execute("CREATE TABLE c(x INTEGER, y REAL, z NUMERIC, t TEXT, b BLOB)");
        }
        List<String> failures = new ArrayList<>();
        int n = 0;
        List<Mem> values = SqliteOracle.edgeValues();
        for (Mem v : values) {
            try (Statement st = sqlite.connection().createStatement()) {
                st.execute("DELETE FROM c");
            }
            try (PreparedStatement ps = sqlite.connection().prepareStatement("INSERT INTO c VALUES(?1,?1,?1,?1,?1)")) {
                SqliteOracle.bind(ps, 1, v);
                ps.executeUpdate();
            }
            Mem[] stored = new Mem[decls.length];
            for (int k = 0; k < decls.length; k++) {
                stored[k] = new Mem();
                stored[k].copyFrom(v);
                Affinity.apply(stored[k], Affinity.fromDeclaredType(decls[k]));
            }
            String[] cols = {"x", "y", "z", "t", "b"};
            for (int k = 0; k < cols.length; k++) {
                char colAff = Affinity.fromDeclaredType(decls[k]);
                for (int o = 0; o < OPS.length; o++) {
                    try (PreparedStatement ps = sqlite.connection().prepareStatement(
                            "SELECT " + cols[k] + " " + OPS[o] + " ?1, ?1 " + OPS[o] + " " + cols[k] + " FROM c")) {
                        for (Mem b : values) {
                            SqliteOracle.bind(ps, 1, b);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                Outcome e1 = Outcome.of(SqliteOracle.read(rs, 1));
                                Outcome e2 = Outcome.of(SqliteOracle.read(rs, 2));
                                char aff = Affinity.forComparison(colAff, Affinity.NONE);
                                Outcome s1 = skerry(CODES[o], stored[k], b, aff, Collation.BINARY);
                                Outcome s2 = skerry(CODES[o], b, stored[k], aff, Collation.BINARY);
                                if ((!SqliteOracle.same(e1, s1) || !SqliteOracle.same(e2, s2)) && failures.size() < 30) {
                                    failures.add(decls[k] + " column " + OPS[o] + " with stored " + SqliteOracle.describe(v)
                                            + " and " + SqliteOracle.describe(b) + ": sqlite " + e1 + "/" + e2
                                            + ", skerry " + s1 + "/" + s2);
                                }
                                n += 2;
                            }
                        }
                    }
                }
                for (int k2 = 0; k2 < cols.length; k2++) {
                    Outcome e = sqlite.eval("(SELECT " + cols[k] + " < " + cols[k2] + " FROM c)");
                    char aff = Affinity.forComparison(colAff, Affinity.fromDeclaredType(decls[k2]));
                    Outcome s = skerry(Compare.LT, stored[k], stored[k2], aff, Collation.BINARY);
                    if (!SqliteOracle.same(e, s) && failures.size() < 30) {
                        failures.add(cols[k] + " < " + cols[k2] + " with " + SqliteOracle.describe(v) + ": sqlite " + e
                                + ", skerry " + s);
                    }
                    n++;
                }
            }
        }
        System.out.println("column comparison cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void likeAndGlobMatchSqlite() throws Exception {
        String[] strings = {"", "a", "A", "abc", "ABC", "aBc", "abcabc", "a_c", "a%c", "hello world", "héllo", "HÉLLO",
            "日本語", "x[y]z", "]", "a-b", "abcdef", "ab", "b", "aaa", "\u00e9", "\u00c9", "12", "1.5"};
        String[] patterns = {"", "%", "_", "a%", "%c", "%b%", "a_c", "A%", "abc", "ABC", "a\\%c", "a\\_c", "%\\%%",
            "h%o w%", "h_llo", "H_LLO", "日%", "%語", "___", "a%%c", "%_%", "x[y]z", "[a-c]*", "a*", "*c", "?b?",
            "[^a]*", "[]]", "[a-]*", "*[0-9]*", "a[b-b]c", "*", "?", "[!a]", "\\", "a\\", "%é%", "%É%", "ab%ef",
            "%a%a%", "[a-c][a-c]*", "[^]]"};
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String p : patterns) {
            for (String s : strings) {
                Outcome e = sqlite.eval("?1 LIKE ?2", SqliteOracle.text(s), SqliteOracle.text(p));
                Outcome k = Outcome.of(SqliteOracle.integer(Like.like(p, s, 0) ? 1 : 0));
                Outcome eEsc = sqlite.eval("?1 LIKE ?2 ESCAPE '\\'", SqliteOracle.text(s), SqliteOracle.text(p));
                Outcome kEsc = Outcome.of(SqliteOracle.integer(Like.like(p, s, '\\') ? 1 : 0));
                Outcome eGlob = sqlite.eval("?1 GLOB ?2", SqliteOracle.text(s), SqliteOracle.text(p));
                Outcome kGlob = Outcome.of(SqliteOracle.integer(Like.glob(p, s) ? 1 : 0));
                if (!SqliteOracle.same(e, k) && failures.size() < 30) {
                    failures.add("'" + s + "' LIKE '" + p + "': sqlite " + e + ", skerry " + k);
                }
                if (!SqliteOracle.same(eEsc, kEsc) && failures.size() < 30) {
                    failures.add("'" + s + "' LIKE '" + p + "' ESCAPE '\\': sqlite " + eEsc + ", skerry " + kEsc);
                }
                if (!SqliteOracle.same(eGlob, kGlob) && failures.size() < 30) {
                    failures.add("'" + s + "' GLOB '" + p + "': sqlite " + eGlob + ", skerry " + kGlob);
                }
                n += 3;
            }
        }
        System.out.println("like/glob cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Random short patterns over an alphabet rich in wildcards, escapes and set syntax. */
    @Test
    void randomPatternsMatchSqlite() throws Exception {
        java.util.Random r = new java.util.Random(17);
        String patAlphabet = "ab%_*?[]^-\\Ab";
        String strAlphabet = "abAB]-^%_*?\\";
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < 6000; k++) {
            StringBuilder p = new StringBuilder();
            StringBuilder s = new StringBuilder();
            int pl = r.nextInt(8);
            int sl = r.nextInt(8);
            for (int j = 0; j < pl; j++) {
                p.append(patAlphabet.charAt(r.nextInt(patAlphabet.length())));
            }
            for (int j = 0; j < sl; j++) {
                s.append(strAlphabet.charAt(r.nextInt(strAlphabet.length())));
            }
            String ps = p.toString();
            String ss = s.toString();
            Outcome e1 = sqlite.eval("?1 LIKE ?2", SqliteOracle.text(ss), SqliteOracle.text(ps));
            Outcome e2 = sqlite.eval("?1 LIKE ?2 ESCAPE '\\'", SqliteOracle.text(ss), SqliteOracle.text(ps));
            Outcome e3 = sqlite.eval("?1 GLOB ?2", SqliteOracle.text(ss), SqliteOracle.text(ps));
            Outcome e4 = sqlite.eval("?1 LIKE ?2 ESCAPE '_'", SqliteOracle.text(ss), SqliteOracle.text(ps));
            boolean[] mine = {Like.like(ps, ss, 0), Like.like(ps, ss, '\\'), Like.glob(ps, ss), Like.like(ps, ss, '_')};
            Outcome[] theirs = {e1, e2, e3, e4};
            for (int j = 0; j < 4; j++) {
                if (!SqliteOracle.same(theirs[j], Outcome.of(SqliteOracle.integer(mine[j] ? 1 : 0))) && failures.size() < 30) {
                    failures.add("form " + j + " string '" + ss + "' pattern '" + ps + "': sqlite " + theirs[j] + ", skerry " + mine[j]);
                }
                n++;
            }
        }
        System.out.println("random pattern cases: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void hugePatternsDoNotRecurse() {
        StringBuilder p = new StringBuilder();
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 20000; k++) {
            p.append("%a");
            s.append('a');
        }
        assertTrue(Like.like(p.toString(), s.toString(), 0));
        assertTrue(!Like.like(p.toString() + "b", s.toString(), 0));
        assertTrue(Like.glob(p.toString().replace('%', '*'), s.toString()));
    }
}
