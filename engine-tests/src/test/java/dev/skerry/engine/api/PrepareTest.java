package dev.skerry.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection.prepare on SQL text: tails, empty input, errors, re-preparing after a schema change, reuse. */
class PrepareTest {
    private Vfs vfs;
    private Connection conn;

    @BeforeEach
    void open() throws SqliteException {
        vfs = TestVfs.create();
        conn = HostLoop.open(vfs, "prepare.db");
    }

    @AfterEach
    void close() throws SqliteException {
        HostLoop.close(conn, vfs);
    }

    private List<List<Object>> exec(String sql) throws SqliteException {
        Statement s = conn.prepare(sql);
        try {
            return HostLoop.rows(s, vfs);
        } finally {
            s.close();
        }
    }

    @Test
    void tailOffsetPointsAfterTheFirstStatementAndEmptyTextGivesNull() throws Exception {
        String script = "  SELECT 1; -- one\n SELECT 2 ;  ";
        Statement first = conn.prepare(script);
        assertEquals(List.of(List.of(1L)), HostLoop.rows(first, vfs));
        Statement second = conn.prepare(script, first.tailOffset());
        assertEquals(List.of(List.of(2L)), HostLoop.rows(second, vfs));
        assertNull(conn.prepare(script, second.tailOffset()));
        assertNull(conn.prepare("  /* nothing */ ;; "));
        first.close();
        second.close();
    }

    @Test
    void syntaxAndNameErrorsAreSqlites() throws Exception {
        SqliteException e = assertThrows(SqliteException.class, () -> conn.prepare("SELEC 1"));
        assertEquals(ResultCode.SQLITE_ERROR, e.code());
        assertEquals("near \"SELEC\": syntax error", e.getMessage());
        e = assertThrows(SqliteException.class, () -> conn.prepare("SELECT * FROM missing"));
        assertEquals("no such table: missing", e.getMessage());
    }

    @Test
    void aStatementPreparedBeforeASchemaChangeIsPreparedAgain() throws Exception {
        exec("CREATE TABLE t(a)");
        Statement insert = conn.prepare("INSERT INTO t VALUES(?1)");
        insert.bindLong(1, 5);
        exec("CREATE TABLE u(b)");
        assertEquals(StepResult.DONE, HostLoop.step(insert, vfs));
        insert.reset();
        insert.bindLong(1, 6);
        assertEquals(StepResult.DONE, HostLoop.step(insert, vfs));
        insert.close();
        assertEquals(List.of(List.of(5L), List.of(6L)), exec("SELECT a FROM t"));
    }

    @Test
    void aPreparedInsertRunsManyTimesWithNewBindings() throws Exception {
        exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)");
        Statement insert = conn.prepare("INSERT INTO t(b) VALUES(?)");
        for (int i = 0; i < 500; i++) {
            insert.bindText(1, "v" + i);
            assertEquals(StepResult.DONE, HostLoop.step(insert, vfs));
            assertEquals(i + 1, conn.lastInsertRowid());
            assertEquals(1, conn.changes());
            insert.reset();
        }
        insert.close();
        assertEquals(500, conn.totalChanges());
        List<List<Object>> rows = exec("SELECT a, b FROM t WHERE a > 498");
        assertEquals(List.of(List.of(499L, "v498"), List.of(500L, "v499")), rows);
    }

    @Test
    void aReaderStaysValidWhileAnotherStatementWritesAndCommits() throws Exception {
        exec("CREATE TABLE t(a)");
        exec("INSERT INTO t VALUES(1), (2), (3)");
        Statement reader = conn.prepare("SELECT a FROM t");
        assertEquals(StepResult.ROW, HostLoop.step(reader, vfs));
        exec("INSERT INTO t VALUES(4)");
        assertEquals(StepResult.ROW, HostLoop.step(reader, vfs));
        reader.close();
    }

    @Test
    void interruptStopsARunningStatement() throws Exception {
        exec("CREATE TABLE t(a)");
        exec("INSERT INTO t VALUES(1), (2), (3)");
        Statement reader = conn.prepare("SELECT a FROM t");
        assertEquals(StepResult.ROW, HostLoop.step(reader, vfs));
        conn.interrupt();
        SqliteException e = assertThrows(SqliteException.class, () -> HostLoop.step(reader, vfs));
        assertEquals(ResultCode.SQLITE_INTERRUPT, e.code());
        assertEquals("interrupted", e.getMessage());
        reader.close();
        // Nothing runs any more: the flag is gone and statements work again.
        conn.interrupt();
        assertEquals(List.of(List.of(3L)), exec("SELECT count(*) FROM t"));
    }

    @Test
    void insertReturningReadForOneRowKeepsAllItsRowsAsSqliteDoes() throws Exception {
        exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
        Statement ins = conn.prepare("INSERT INTO t(b) VALUES('x'), ('y'), ('z') RETURNING a");
        assertEquals(StepResult.ROW, HostLoop.step(ins, vfs));
        assertEquals(1, ins.columnLong(0));
        ins.reset();
        ins.close();
        assertEquals(List.of(List.of(1L, "x"), List.of(2L, "y"), List.of(3L, "z")), exec("SELECT a, b FROM t"));
        // Still committed after the connection closes and the file is opened again.
        HostLoop.close(conn, vfs);
        conn = HostLoop.open(vfs, "prepare.db");
        assertEquals(List.of(List.of(3L)), exec("SELECT count(*) FROM t"));
    }

    @Test
    void aResetWhileWaitingForIoUndoesTheStatement() throws Exception {
        exec("CREATE TABLE t(a)");
        Statement ins = conn.prepare("INSERT INTO t VALUES(1), (2)");
        StepResult first = ins.step();
        ins.reset();
        ins.close();
        // Inline I/O finishes the statement in one step (DONE: rows kept); deferred I/O stops it at IO (undone).
        // The next write also completes the pager's own work that the abandoned statement left pending.
        exec("INSERT INTO t VALUES(3)");
        long expected = first == StepResult.DONE ? 3 : 1;
        assertEquals(List.of(List.of(expected)), exec("SELECT count(*) FROM t"));
    }
}
