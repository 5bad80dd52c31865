package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import java.nio.file.Path;
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
}
