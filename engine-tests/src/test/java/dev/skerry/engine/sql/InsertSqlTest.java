package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** INSERT against SQLite: conflicts and OR clauses, defaults, NOT NULL, rowid aliases, changes(). */
class InsertSqlTest {
    @Test
    void conflictsDefaultsAndNotNull() {
        Differential.assertSame(IndexedTables.T1_FILLED + """
            select changes(), last_insert_rowid(), total_changes();
            """);
    }
}
