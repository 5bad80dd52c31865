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
}
