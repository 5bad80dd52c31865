package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database SQLite created with a UTF-16 text encoding (header field 56 = 2 or 3) is refused by Skerry at
 * open with a {@link SqliteException} naming the encoding, instead of its UTF-16 text being read as UTF-8.
 * Reading and writing UTF-16 databases (decoding and encoding record text in the file's encoding) is future
 * work; when it is done this test becomes a comparison of query results with SQLite's.
 */
class Utf16DatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "encoding {0}")
    @ValueSource(strings = {"UTF-16le", "UTF-16be"})
    void skerryRefusesAUtf16DatabaseAtOpen(String encoding) throws Exception {
        Path file = dir.resolve("utf16.db");
        try (JdbcDb sqlite = new JdbcDb(file)) {
            sqlite.exec("PRAGMA encoding='" + encoding + "'");
            sqlite.exec("CREATE TABLE t(x TEXT)");
            sqlite.exec("INSERT INTO t VALUES ('hé'), ('中文')");
            assertEquals(encoding, String.valueOf(sqlite.query("PRAGMA encoding").get(0).get(0)),
                    "SQLite wrote a " + encoding + " file");
        }
        SqliteException e = assertThrows(SqliteException.class,
                () -> SkerryDb.openFile(file).close());
        assertEquals(ResultCode.SQLITE_ERROR, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("encoding " + encoding + " is not supported"), e.getMessage());
    }

    /** A new database cannot be made UTF-16 either: {@code PRAGMA encoding} asking for it is an error. */
    @ParameterizedTest(name = "pragma encoding = {0}")
    @ValueSource(strings = {"UTF-16", "UTF-16le", "utf16be"})
    void aNewDatabaseCannotBeMadeUtf16(String encoding) {
        try (SkerryEngine skerry = new SkerryEngine()) {
            Outcome o = skerry.run("pragma encoding = '" + encoding + "'");
            assertTrue(o.isError(), o.toString());
            assertEquals("UTF-16 databases are not supported (only UTF-8)", o.errorMessage());
            assertEquals(List.of(List.of(Outcome.text("UTF-8"))), skerry.run("pragma encoding").rows());
        }
    }
}
