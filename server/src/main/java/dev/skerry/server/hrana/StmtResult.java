package dev.skerry.server.hrana;

import dev.skerry.engine.value.Mem;
import java.util.List;

/**
 * The result of one statement as Hrana reports it.
 *
 * @param cols the result columns (name, declared type or null)
 * @param rows the rows (empty when rows were not wanted)
 * @param affectedRowCount rows changed by the statement (0 when it changed none)
 * @param lastInsertRowid the connection's last insert rowid after a statement that may write, null after a
 *     read-only one (as sqld reports it)
 * @param durationMs the time the statement took, in milliseconds
 */
record StmtResult(List<Col> cols, List<Mem[]> rows, long affectedRowCount, Long lastInsertRowid, double durationMs) {
    record Col(String name, String decltype) {
    }
}
