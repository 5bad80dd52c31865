package dev.skerry.engine.doc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The "PRAGMA" table of {@code COMPAT.md} against both engines: every pragma of SQLite's list (sqlite-jdbc's
 * {@code PRAGMA pragma_list}, plus the documented ones its build leaves out) is named in a row; a pragma a
 * row claims runs on Skerry (no {@code is not supported} error) and, when SQLite answers it without an
 * argument, answers with rows under SQLite's column names; a pragma a row marks **no** is refused by
 * Skerry with an error, unless the row says it is ignored, in which case it gives no error and no rows on
 * Skerry, as on SQLite.
 */
class PragmaListCompatTest {
    /**
     * Pragmas of SQLite 3.50.3's documentation that sqlite-jdbc's build does not have: deprecated ones compiled
     * out or made no-ops, and those that exist only with {@code SQLITE_DEBUG}.
     */
    private static final List<String> DOCUMENTED_ONLY = List.of("data_store_directory", "legacy_file_format",
        "stats", "parser_trace", "vdbe_addoptrace", "vdbe_debug", "vdbe_listing", "vdbe_trace");

    @Test
    void pragmaTableNamesEveryPragmaWithSkerrysStatus() throws Exception {
        List<CompatTable.Row> rows = CompatTable.rows("PRAGMA");
        Set<String> sqlite = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        try (SqliteEngine s = new SqliteEngine(); SkerryEngine k = new SkerryEngine()) {
            Outcome list = s.run("pragma pragma_list");
            assertFalse(list.isError(), list.toString());
            for (List<String> r : list.rows()) {
                sqlite.add(r.get(0).substring("text:".length()));
            }
            for (String name : DOCUMENTED_ONLY) {
                assertFalse(sqlite.contains(name), name + " is in sqlite-jdbc now: drop it from DOCUMENTED_ONLY");
                sqlite.add(name);
            }
            for (CompatTable.Row row : rows) {
                for (String name : row.names()) {
                    if (!sqlite.contains(name)) {
                        continue;
                    }
                    named.add(name);
                    Outcome mine = k.run("pragma " + name);
                    if (!row.absent()) {
                        Outcome theirs = s.run("pragma " + name);
                        if (mine.isError() && mine.errorMessage().endsWith("is not supported")) {
                            wrong.add(name + ": claimed, but Skerry says " + mine.errorMessage());
                        } else if (!theirs.isError() && !theirs.rows().isEmpty()
                                && (mine.isError() || mine.rows().isEmpty()
                                || !mine.columns().equals(theirs.columns()))) {
                            wrong.add(name + ": claimed, SQLite answers " + theirs + ", Skerry " + mine);
                        }
                    } else if (row.status().contains("ignored")) {
                        Outcome theirs = s.run("pragma " + name);
                        if (mine.isError() || !mine.rows().isEmpty() || theirs.isError() || !theirs.rows().isEmpty()) {
                            wrong.add(name + ": said to be ignored; Skerry " + mine + ", SQLite " + theirs);
                        }
                    } else if (!mine.isError()) {
                        wrong.add(name + ": marked **no**, but Skerry runs it: " + mine);
                    }
                }
            }
        }
        assertTrue(sqlite.size() > 70, "SQLite's pragmas: " + sqlite.size());
        Set<String> unnamed = new TreeSet<>(sqlite);
        unnamed.removeAll(named);
        assertTrue(unnamed.isEmpty(), "SQLite pragmas no row of COMPAT.md's PRAGMA table names: " + unnamed);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** SQLite ignores a pragma it does not know, and so does Skerry (COMPAT.md's PRAGMA paragraph). */
    @Test
    void unknownPragmasAreIgnoredAsInSqlite() {
        try (SqliteEngine s = new SqliteEngine(); SkerryEngine k = new SkerryEngine()) {
            for (String sql : new String[] {"pragma no_such_pragma", "pragma no_such_pragma = 1",
                "pragma main.no_such_pragma(2)"}) {
                Outcome theirs = s.run(sql);
                Outcome mine = k.run(sql);
                assertTrue(!theirs.isError() && theirs.rows().isEmpty(), sql + " on SQLite: " + theirs);
                assertTrue(!mine.isError() && mine.rows().isEmpty(), sql + " on Skerry: " + mine);
            }
        }
    }
}
