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
 * The "Functions" table of {@code COMPAT.md} against both engines' {@code PRAGMA function_list}: every
 * function SQLite 3.50.3 has (sqlite-jdbc's build, which adds FTS3/4/5, R*Tree and the extension-functions
 * library, plus the documented functions that build leaves out) is named in a row; every function Skerry has
 * is named in a row that claims it; no row claims a function Skerry lacks; and every function a row marks
 * **no** is absent from Skerry (not listed, and calling it is {@code no such function}).
 */
class FunctionListCompatTest {
    /**
     * Functions of SQLite 3.50.3's documentation that sqlite-jdbc's build does not compile in
     * ({@code SQLITE_SOUNDEX}, {@code SQLITE_ENABLE_OFFSET_SQL_FUNC}).
     */
    private static final List<String> DOCUMENTED_ONLY = List.of("soundex", "sqlite_offset");

    private static Set<String> names(Outcome o) {
        assertFalse(o.isError(), o.toString());
        Set<String> out = new TreeSet<>();
        for (List<String> r : o.rows()) {
            out.add(r.get(0).substring("text:".length()));
        }
        return out;
    }

    @Test
    void functionsTableNamesEveryFunctionWithSkerrysStatus() throws Exception {
        String query = "select distinct name from pragma_function_list";
        Set<String> sqlite;
        Set<String> skerry;
        List<String> callErrors = new ArrayList<>();
        List<CompatTable.Row> rows = CompatTable.rows("Functions");
        try (SqliteEngine s = new SqliteEngine(); SkerryEngine k = new SkerryEngine()) {
            sqlite = names(s.run(query));
            skerry = names(k.run(query));
            for (String name : DOCUMENTED_ONLY) {
                assertFalse(sqlite.contains(name), name + " is in sqlite-jdbc now: drop it from DOCUMENTED_ONLY");
                sqlite.add(name);
            }
            for (CompatTable.Row row : rows) {
                if (row.absent()) {
                    for (String name : row.names()) {
                        Outcome o = k.run("select \"" + name + "\"(1)");
                        if (!o.isError() || !o.errorMessage().startsWith("no such function")) {
                            callErrors.add(name + "(1) on Skerry: " + o);
                        }
                    }
                }
            }
        }
        assertTrue(sqlite.size() > 150, "SQLite's functions: " + sqlite.size());
        Set<String> named = new TreeSet<>();
        Set<String> claimed = new TreeSet<>();
        Set<String> falseClaims = new TreeSet<>();
        Set<String> falseAbsences = new TreeSet<>();
        for (CompatTable.Row row : rows) {
            for (String name : row.names()) {
                boolean function = sqlite.contains(name) || skerry.contains(name);
                if (!function) {
                    continue;
                }
                named.add(name);
                if (row.absent()) {
                    if (skerry.contains(name)) {
                        falseAbsences.add(name);
                    }
                } else {
                    claimed.add(name);
                    if (!skerry.contains(name)) {
                        falseClaims.add(name);
                    }
                }
            }
        }
        Set<String> unnamed = new TreeSet<>(sqlite);
        unnamed.removeAll(named);
        Set<String> unclaimed = new TreeSet<>(skerry);
        unclaimed.removeAll(claimed);
        assertTrue(unnamed.isEmpty(), "SQLite functions no row of COMPAT.md's Functions table names: " + unnamed);
        assertTrue(unclaimed.isEmpty(), "Skerry functions no Functions row claims: " + unclaimed);
        assertTrue(falseClaims.isEmpty(), "Functions rows claim what Skerry lacks: " + falseClaims);
        assertTrue(falseAbsences.isEmpty(), "Functions rows mark **no** what Skerry has: " + falseAbsences);
        assertTrue(callErrors.isEmpty(), String.join("\n", callErrors));
    }
}
