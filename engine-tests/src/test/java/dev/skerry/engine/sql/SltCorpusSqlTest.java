package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skerry.testkit.Differential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements and queries of sqllogictest files (SQLite's corpus, {@code skerry.corpus}) run through Skerry and
 * SQLite and compared (the files' own expected results are SQLite's, so comparing with SQLite checks the
 * same thing and more: storage classes and column names). Records skipped for SQLite are skipped here.
 */
class SltCorpusSqlTest {
    @ParameterizedTest
    @ValueSource(strings = {"select1.test", "select4.test", "select5.test", "evidence/in1.test", "evidence/slt_lang_aggfunc.test",
        "random/aggregates/slt_good_0.test", "index/orderby/10/slt_good_0.test"})
    void agreesWithSqlite(String file) throws IOException {
        String corpus = System.getProperty("skerry.corpus");
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus, "slt")), "corpus not available");
        String script = script(Files.readAllLines(Path.of(corpus, "slt", file), StandardCharsets.UTF_8));
        List<String> diffs = Differential.check(script);
        assertEquals("", String.join("\n", diffs), file);
    }

    /** The SQL of the file's records, each ended by a semicolon. */
    static String script(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        List<String> record = new ArrayList<>();
        lines = new ArrayList<>(lines);
        lines.add("");
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (!line.isBlank()) {
                record.add(line);
                continue;
            }
            if (!record.isEmpty() && !addRecord(record, sb)) {
                break;
            }
            record.clear();
        }
        return sb.toString();
    }

    private static boolean addRecord(List<String> record, StringBuilder sb) {
        int i = 0;
        boolean skip = false;
        while (i < record.size() && (record.get(i).startsWith("skipif") || record.get(i).startsWith("onlyif"))) {
            String[] w = record.get(i).trim().split("\\s+");
            skip |= w[0].equals("skipif") == w[1].equalsIgnoreCase("sqlite");
            i++;
        }
        if (skip || i >= record.size()) {
            return true;
        }
        String kind = record.get(i).trim().split("\\s+")[0];
        if (kind.equals("halt")) {
            return false;
        }
        if (!kind.equals("statement") && !kind.equals("query")) {
            return true;
        }
        for (int k = i + 1; k < record.size() && !record.get(k).equals("----"); k++) {
            sb.append(record.get(k)).append('\n');
        }
        sb.append(";\n");
        return true;
    }
}
