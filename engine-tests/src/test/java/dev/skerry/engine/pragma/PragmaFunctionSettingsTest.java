package dev.skerry.engine.pragma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * The table-valued forms of the settings pragmas {@code PragmaFunctionTest} does not read
 * ({@code pragma_temp_store}, {@code pragma_ignore_check_constraints}), against SQLite, and
 * {@code pragma_compile_options}, whose rows are Skerry's own list: the same as the PRAGMA statement's.
 */
class PragmaFunctionSettingsTest {
    @Test
    void settingsReadAsTables() {
        PragmaDiff.assertSame("""
            select * from pragma_temp_store;
            pragma temp_store = memory;
            select temp_store, typeof(temp_store) from pragma_temp_store;
            select * from pragma_ignore_check_constraints;
            pragma ignore_check_constraints = 1;
            select * from pragma_ignore_check_constraints;
            select * from pragma_ignore_check_constraints() where ignore_check_constraints = 1;
            """);
    }

    @Test
    void compileOptionsTableIsTheStatementsRows() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            Outcome statement = skerry.run("pragma compile_options");
            Outcome table = skerry.run("select * from pragma_compile_options");
            assertFalse(statement.isError() || statement.rows().isEmpty(), statement.toString());
            assertEquals(statement.rows(), table.rows());
            assertEquals(statement.columns(), table.columns());
        }
    }
}
