package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parse errors carry the offset {@code sqlite3_error_offset} gives. sqlite-jdbc does not expose it, so the
 * reference is the {@code sqlite3} shell ({@code /usr/bin/sqlite3}), which prints a caret under the offending
 * token when the offset is known ({@code ^--- error here} or {@code error here ---^}, the caret at column
 * offset + 2, for offsets up to 50) and nothing when it is -1. The shell prepares each statement from its
 * start, so for a later statement of a script the reference offset is counted from that statement, where the
 * parser counts from the start of the whole text; the cases write no space after the semicolon.
 */
class ErrorOffsetTest {
    private static final Path SQLITE3 = Paths.get("/usr/bin/sqlite3");

    @ParameterizedTest
    @ValueSource(strings = {"selec 1", "SELECT 1 +;", "SELECT 1 2", "SELECT 'abc", "SELECT 1 # 2", "SELECT x'1'",
        "SELECT 0x", "SELECT 12abc", "SELECT [abc", "SELECT `abc", "SELECT \"abc", "SELECT $", "SELECT #1",
        "SELECT * FROM t WHERE", "SELECT (1", "SELECT 1 +", "SELECT * FROM a NATURAL FOO JOIN b",
        "SELECT * FROM a LEFT OUTER INNER JOIN b", "SELECT * FROM a LEFT FOO BAR BAZ JOIN b",
        "CREATE TABLE t(a) FOO", "SELECT 'é', 1 2", "SELECT\n  1,\n  2 3", "WITH x AS (SELECT 1) selec",
        "SELECT (SELECT 1 FROM)", "SELECT 1 FROM a b c", "SELECT 1;selec 2", "SELECT 1;SELECT 2;SELECT 'ü' 3",
        "  \n SELECT 1 FROM WHERE", "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT,)"})
    void parseErrorsCarrySqlitesOffset(String sql) throws Exception {
        assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 shell is not installed");
        Process p = new ProcessBuilder(SQLITE3.toString(), ":memory:", sql).redirectErrorStream(true).start();
        String[] ref = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        p.waitFor(30, TimeUnit.SECONDS);
        int line = 0;
        while (!ref[line].startsWith("Error: in prepare, ")) {
            line++;
        }
        String message = ref[line].substring("Error: in prepare, ".length());
        int refOffset = line + 2 < ref.length && ref[line + 2].contains("error here")
            ? ref[line + 2].indexOf('^') - 2 : -1;

        SqliteException e = assertThrows(SqliteException.class, () -> Parser.parseAll(sql));
        assertEquals(message, e.getMessage());
        int statementStart = refOffset < 0 ? 0 : statementStart(sql, e.errorOffset());
        int ours = e.errorOffset() < 0 ? -1
            : utf8Length(sql.substring(statementStart, e.errorOffset()));
        assertEquals(refOffset, ours, "offset");
    }

    /**
     * Where the text the shell hands to prepare for the statement holding {@code offset} begins: the start,
     * or after the previous statement's semicolon and the whitespace that follows it.
     */
    private static int statementStart(String sql, int offset) {
        int start = sql.lastIndexOf(';', offset - 1) + 1;
        while (start > 0 && start < offset && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
