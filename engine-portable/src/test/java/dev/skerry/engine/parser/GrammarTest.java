package dev.skerry.engine.parser;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test over a hand-written list of statements covering SQLite's grammar (grammar.sql), valid and
 * invalid, and over mutants of each: every prefix ending at a space and every statement with one word
 * removed. Skerry must accept what SQLite accepts syntactically and reject the rest with SQLite's message.
 */
class GrammarTest {

    static List<String> grammarStatements() throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            GrammarTest.class.getResourceAsStream("grammar.sql"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("# ")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static SqliteOracle oracle() throws Exception {
        SqliteOracle o = new SqliteOracle();
        for (String t : new String[] {"t", "t2", "t3", "t4", "t5", "t6"}) {
            o.execute("CREATE TABLE " + t + "(a, b, c)");
        }
        o.execute("CREATE INDEX i ON t(a)");
        o.execute("CREATE VIEW v AS SELECT * FROM t");
        return o;
    }

    @Test
    void grammarStatementsAgreeWithSqlite() throws Exception {
        List<String> statements = grammarStatements();
        List<String> mismatches = new ArrayList<>();
        int rejected = 0;
        try (SqliteOracle o = oracle()) {
            for (String sql : statements) {
                String theirs = o.prepareError(sql);
                if (theirs != null && SqliteOracle.isParseMessage(theirs)) {
                    rejected++;
                }
                String d = o.disagreement(sql);
                if (d != null) {
                    mismatches.add(d);
                }
            }
        }
        System.out.println("grammar.sql: " + statements.size() + " statements, SQLite rejects " + rejected
            + " at parse time; disagreements: " + mismatches.size());
        mismatches.forEach(m -> System.out.println("  " + m));
        assertTrue(statements.size() > 300);
        assertEquals(0, mismatches.size(), String.join("\n", mismatches));
    }

    @Test
    void prefixesAndDeletionsAgreeWithSqlite() throws Exception {
        Set<String> mutants = new LinkedHashSet<>();
        for (String sql : grammarStatements()) {
            String[] words = sql.split(" ");
            StringBuilder prefix = new StringBuilder();
            for (String w : words) {
                prefix.append(w);
                mutants.add(prefix.toString());
                prefix.append(' ');
            }
            for (int i = 0; i < words.length; i++) {
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < words.length; j++) {
                    if (j != i) {
                        b.append(words[j]).append(' ');
                    }
                }
                mutants.add(b.toString());
            }
        }
        List<String> mismatches = new ArrayList<>();
        int rejected = 0;
        int total = 0;
        try (SqliteOracle o = oracle()) {
            for (String sql : mutants) {
                if (sql.trim().isEmpty() || sql.trim().startsWith("--")) {
                    continue;
                }
                total++;
                String theirs = o.prepareError(sql);
                if (theirs != null && SqliteOracle.isParseMessage(theirs)) {
                    rejected++;
                }
                String d = o.disagreement(sql);
                if (d != null) {
                    mismatches.add(d);
                }
            }
        }
        System.out.println("grammar.sql mutants: " + total + " statements, SQLite rejects " + rejected
            + " at parse time; disagreements: " + mismatches.size());
        mismatches.stream().limit(60).forEach(m -> System.out.println("  " + m));
        assertTrue(total > 3000);
        assertEquals(0, mismatches.size(), String.join("\n", mismatches.subList(0, Math.min(60, mismatches.size()))));
    }

    /**
     * Seeded random mutants of the grammar statements: a keyword, operator or punctuation inserted at a word
     * boundary, or two adjacent words swapped.
     */
    @Test
    void randomMutantsAgreeWithSqlite() throws Exception {
        String[] inserts = {"SELECT", "FROM", "WHERE", "(", ")", ",", ";", "NOT", "NULL", "AND", "OR", "AS", "ON",
            "JOIN", "LEFT", "KEY", "REPLACE", "END", "BEGIN", "CASE", "WHEN", "IN", "IS", "BETWEEN", "1", "'s'",
            "x", ".", "*", "+", "-", "=", "||", "COLLATE", "ORDER", "BY", "LIMIT", "OVER", "FILTER", "WINDOW",
            "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "CONSTRAINT", "VALUES", "WITH", "RECURSIVE", "DISTINCT",
            "ALL", "UNION", "EXCEPT", "GROUP", "HAVING", "INDEXED", "TEMP", "IF", "EXISTS", "?", ":a", "x'00'",
            "CURRENT_TIME", "RAISE", "CAST", "DO", "NOTHING", "CONFLICT", "RETURNING", "GENERATED", "ALWAYS",
            "STORED", "ROWS", "RANGE", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "ESCAPE", "LIKE", "MATCH"};
        java.util.Random rnd = new java.util.Random(7);
        List<String> base = grammarStatements();
        List<String> mismatches = new ArrayList<>();
        int total = 0;
        try (SqliteOracle o = oracle()) {
            for (int n = 0; n < 6000; n++) {
                String[] words = base.get(rnd.nextInt(base.size())).split(" ");
                List<String> w = new ArrayList<>(java.util.Arrays.asList(words));
                if (rnd.nextInt(3) == 0 && w.size() > 1) {
                    int i = rnd.nextInt(w.size() - 1);
                    String t = w.get(i);
                    w.set(i, w.get(i + 1));
                    w.set(i + 1, t);
                } else {
                    w.add(rnd.nextInt(w.size() + 1), inserts[rnd.nextInt(inserts.length)]);
                }
                String sql = String.join(" ", w);
                total++;
                String d = o.disagreement(sql);
                if (d != null && !stoppedBySchemaAction(sql, o.prepareError(sql))) {
                    mismatches.add(d);
                }
            }
        }
        System.out.println("random mutants: " + total + " statements; disagreements: " + mismatches.size());
        mismatches.stream().limit(60).forEach(m -> System.out.println("  " + m));
        assertEquals(0, mismatches.size(), String.join("\n", mismatches.subList(0, Math.min(60, mismatches.size()))));
    }

    /**
     * SQLite builds the schema of CREATE and ALTER statements while parsing them, so a schema error (a second
     * primary key, AUTOINCREMENT on the wrong column, a duplicate column, an unknown collation, table or
     * database) stops its parse before a later syntax error is seen. Those errors belong to the schema layer,
     * not the parser, so such statements are not compared.
     */
    private static boolean stoppedBySchemaAction(String sql, String sqliteMessage) {
        if (sqliteMessage == null || !(sql.startsWith("CREATE") || sql.startsWith("ALTER"))) {
            return false;
        }
        for (String m : new String[] {"has more than one primary key", "no such collation sequence",
            "AUTOINCREMENT is only allowed", "duplicate column name", "no such table", "no such column",
            "unknown database"}) {
            if (sqliteMessage.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
