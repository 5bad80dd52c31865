package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.NullsOrder;
import java.util.List;

/**
 * SQLite's {@code sqlite3HasExplicitNulls}: NULLS FIRST/LAST is grammatical after an index column, a PRIMARY
 * KEY/UNIQUE constraint column and an upsert target column, and refused there with
 * {@code unsupported use of NULLS FIRST} (or {@code LAST}, as written).
 */
final class ExplicitNulls {
    private ExplicitNulls() {
    }

    static void refuse(List<IndexedColumn> columns) throws SqliteException {
        for (IndexedColumn c : columns) {
            if (c.nulls() != NullsOrder.DEFAULT) {
                throw SqliteException.error("unsupported use of NULLS " + (c.nulls() == NullsOrder.FIRST ? "FIRST"
                        : "LAST"));
            }
        }
    }
}
