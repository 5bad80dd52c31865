package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrity_check} of partial indexes and indexes on expressions whose entries disagree with their
 * rows, against SQLite: SQLite builds the index, then its {@code sqlite_schema} text is changed (writable_schema)
 * to another WHERE or expression, so that rows lack their entries and counts differ; both engines report the
 * same problems. {@code quick_check} does not look at index entries.
 */
class IndexKindsIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void partialIndexWithOtherWhere() throws Exception {
        compare("create index ip on t(a) where b = 1", "CREATE INDEX ip on t(a) where b = 2");
    }

    @Test
    void expressionIndexWithOtherExpression() throws Exception {
        compare("create index ie on t(a + 1)", "CREATE INDEX ie on t(a + 2)");
    }

    private void compare(String create, String corrupted) throws Exception {
        Path file = dir.resolve("corrupt.db");
        try (JdbcDb sqlite = new JdbcDb(file)) {
            sqlite.exec("create table t(id integer primary key, a, b)");
            sqlite.exec("insert into t values(1, 10, 1), (2, 20, 2), (3, 30, 1), (4, 40, 2), (5, 50, 3)");
            sqlite.exec(create);
            sqlite.exec("pragma writable_schema = on");
            sqlite.exec("update sqlite_schema set sql = '" + corrupted + "' where type = 'index'");
        }
        List<List<Object>> want;
        List<List<Object>> wantQuick;
        try (JdbcDb sqlite = new JdbcDb(file)) {
            want = sqlite.query("pragma integrity_check");
            wantQuick = sqlite.query("pragma quick_check");
        }
        assertNotEquals(List.of(List.of("ok")), want);
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            assertEquals(want, skerry.query("pragma integrity_check"));
            assertEquals(wantQuick, skerry.query("pragma quick_check"));
        }
    }
}
