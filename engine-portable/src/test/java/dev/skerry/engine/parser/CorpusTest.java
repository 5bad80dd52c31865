package dev.skerry.engine.parser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test over real SQL: the statements of the sqllogictest CI subset and of the sqltest corpus.
 * Each statement is prepared by SQLite (sqlite-jdbc) and parsed by Skerry; they must agree on whether it is
 * syntactically valid and, when it is not, on the message. DDL that SQLite accepts is executed so that
 * later statements see their tables.
 */
class CorpusTest {
    private static final Path CORPUS = Paths.get("/work/shared/corpus");

    /** Every {@code statement ok} and {@code query} record SQLite runs in the CI subset must parse. */
    @Test
    void sqllogictestSubsetParses() throws Exception {
        Path slt = CORPUS.resolve("slt");
        int parsed = 0;
        long chars = 0;
        long t0 = System.nanoTime();
        for (String f : sltSubsetFiles()) {
            for (String sql : sltStatements(slt.resolve(f), true)) {
                chars += sql.length();
                try {
                    assertTrue(Parser.parseFirst(sql).statement() != null, sql);
                } catch (dev.skerry.engine.SqliteException e) {
                    throw new AssertionError(e.getMessage() + " :: " + sql, e);
                }
                parsed++;
            }
        }
        long ms = (System.nanoTime() - t0) / 1000000;
        System.out.println("slt ci_subset: parsed all " + parsed + " statements SQLite runs (" + chars + " chars) in "
            + ms + " ms");
        assertTrue(parsed > 100000, "corpus read");
    }

    /**
     * The distinct statements of the CI subset (all records, including those SQLite rejects), at most
     * {@link #SAMPLE_PER_FILE} per file to keep the test fast, compared with SQLite.
     */
    @Test
    void sqllogictestSubsetAgreesWithSqlite() throws Exception {
        Path slt = CORPUS.resolve("slt");
        Result r = new Result();
        Set<String> seen = new java.util.HashSet<>();
        for (String f : sltSubsetFiles()) {
            List<String> sample = new ArrayList<>();
            for (String sql : sltStatements(slt.resolve(f), false)) {
                if (sample.size() < SAMPLE_PER_FILE && seen.add(sql)) {
                    sample.add(sql);
                }
            }
            compareAll(sample, r);
        }
        r.report("slt ci_subset sample");
        assertTrue(r.total > 10000, "corpus read");
        assertEquals(0, r.mismatches.size(), String.join("\n", r.mismatches));
    }

    private static final int SAMPLE_PER_FILE = 800;

    private static List<String> sltSubsetFiles() throws IOException {
        return Files.readAllLines(CORPUS.resolve("slt").resolve("ci_subset.txt")).stream()
            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void sqltestCorpusAgreesWithSqlite() throws Exception {
        Path dir = CORPUS.resolve("turso-sqltest/sqlite-sqltests");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sqltest")).sorted().collect(Collectors.toList());
        }
        Result r = new Result();
        for (Path f : files) {
            compareAll(sqltestStatements(f), r);
        }
        r.report("sqltest");
        assertTrue(r.total > 3000, "corpus read");
        assertEquals(0, r.mismatches.size(), String.join("\n", r.mismatches));
    }

    static final class Result {
        int total;
        int sqliteAccepted;
        int sqliteRejectedAtParse;
        final List<String> mismatches = new ArrayList<>();

        void report(String name) {
            System.out.println(name + ": " + total + " statements, SQLite accepts " + sqliteAccepted
                + " syntactically, rejects " + sqliteRejectedAtParse + " at parse time; disagreements: "
                + mismatches.size());
            mismatches.stream().limit(40).forEach(m -> System.out.println("  " + m));
        }
    }

    private static void compareAll(Iterable<String> statements, Result r) throws Exception {
        try (SqliteOracle o = new SqliteOracle()) {
            for (String sql : statements) {
                if (isEmptyStatement(sql)) {
                    continue;
                }
                r.total++;
                String theirs = o.prepareError(sql);
                if (theirs != null && SqliteOracle.isParseMessage(theirs)) {
                    r.sqliteRejectedAtParse++;
                } else {
                    r.sqliteAccepted++;
                }
                String d = o.disagreement(sql);
                if (d != null) {
                    r.mismatches.add(d);
                }
                String head = sql.trim().toUpperCase(Locale.ROOT);
                if (theirs == null && (head.startsWith("CREATE") || head.startsWith("DROP")
                    || head.startsWith("ALTER"))) {
                    o.execute(sql);
                }
            }
        }
    }

    private static boolean isEmptyStatement(String sql) {
        try {
            return Parser.parseFirst(sql).statement() == null;
        } catch (dev.skerry.engine.SqliteException e) {
            return false;
        }
    }

    /**
     * The SQL of each {@code statement} and {@code query} record of a sqllogictest file; with
     * {@code onlyRunBySqlite}, only {@code statement ok} and {@code query} records that the file does not
     * reserve for another engine ({@code onlyif x}, {@code skipif sqlite}).
     */
    static List<String> sltStatements(Path file, boolean onlyRunBySqlite) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean otherEngine = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("onlyif ") && !l.startsWith("onlyif sqlite") || l.startsWith("skipif sqlite")) {
                otherEngine = true;
            } else if (l.startsWith("statement ") || l.startsWith("query ")) {
                boolean keep = !onlyRunBySqlite || (!otherEngine && !l.startsWith("statement error"));
                StringBuilder sql = new StringBuilder();
                for (i++; i < lines.size(); i++) {
                    String s = lines.get(i);
                    if (s.isEmpty() || s.equals("----")) {
                        break;
                    }
                    sql.append(s).append('\n');
                }
                if (keep) {
                    out.add(sql.toString());
                }
                otherEngine = false;
            } else if (l.isEmpty()) {
                otherEngine = false;
            }
        }
        return out;
    }

    /** The statements of the {@code setup} and {@code test} blocks of a sqltest file, split as the shell does. */
    static List<String> sqltestStatements(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if ((l.startsWith("test ") || l.startsWith("setup ")) && l.endsWith("{")) {
                StringBuilder stmt = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).trim().equals("}"); i++) {
                    String s = lines.get(i);
                    if (s.trim().startsWith(".") && stmt.length() == 0) {
                        continue;
                    }
                    stmt.append(s).append('\n');
                    if (SqlComplete.isComplete(stmt.toString())) {
                        out.add(stmt.toString());
                        stmt.setLength(0);
                    }
                }
                if (stmt.toString().trim().length() > 0) {
                    out.add(stmt.toString());
                }
            }
        }
        return out;
    }
}
