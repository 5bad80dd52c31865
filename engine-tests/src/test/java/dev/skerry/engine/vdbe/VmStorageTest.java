package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs that create a table, write rows through b-tree cursors and read them back; the file is then
 * opened by SQLite, which must see the same table and rows and find the file intact.
 */
class VmStorageTest extends VmTestBase {
    private static final String CREATE = "CREATE TABLE t(a,b)";

    /** A program that creates table t (root page in sqlite_schema) and inserts {@code rows}. */
    static Program createAndInsert(Object[][] rows) {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int root = b.allocRegister();
        int cols = b.allocRegisters(5);
        int rec = b.allocRegister();
        int rowid = b.allocRegister();
        int schema = b.allocCursor();
        int table = b.allocCursor();
        b.addOp(Opcode.CREATE_BTREE, 0, root, Opcode.BTREE_INTKEY);
        b.addOp(Opcode.OPEN_WRITE, schema, 1, 0, 5);
        b.addOp(Opcode.NEW_ROWID, schema, rowid);
        b.addString("table", cols);
        b.addString("t", cols + 1);
        b.addString("t", cols + 2);
        b.addOp(Opcode.SCOPY, root, cols + 3);
        b.addString(CREATE, cols + 4);
        b.addOp(Opcode.MAKE_RECORD, cols, 5, rec);
        b.addOp(Opcode.INSERT, schema, rec, rowid);
        b.addOp(Opcode.SET_COOKIE, 0, Opcode.BTREE_SCHEMA_VERSION, 1);
        b.addOp(Opcode.OPEN_WRITE, table, root, 0, 2, Opcode.OPFLAG_P2ISREG);
        for (Object[] row : rows) {
            load(b, row[0], cols);
            load(b, row[1], cols + 1);
            b.addOp(Opcode.MAKE_RECORD, cols, 2, rec);
            b.addOp(Opcode.NEW_ROWID, table, rowid);
            b.addOp(Opcode.INSERT, table, rec, rowid, "t", Opcode.OPFLAG_NCHANGE | Opcode.OPFLAG_LASTROWID);
        }
        b.addOp(Opcode.PARSE_SCHEMA, 0);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_WRITE);
        b.addOp(Opcode.GOTO, 0, body);
        return b.finish();
    }

    /** SELECT rowid, a, b FROM t (t's root page given). */
    static Program scan(int root) {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int out = b.allocRegisters(3);
        int c = b.allocCursor();
        b.addOp(Opcode.OPEN_READ, c, root, 0, 2);
        int end = b.makeLabel();
        b.addOp(Opcode.REWIND, c, end);
        int loop = b.addOp(Opcode.ROWID, c, out);
        b.addOp(Opcode.COLUMN, c, 0, out + 1);
        b.addOp(Opcode.COLUMN, c, 1, out + 2);
        b.addOp(Opcode.RESULT_ROW, out, 3);
        b.addOp(Opcode.NEXT, c, loop);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_READ);
        b.addOp(Opcode.GOTO, 0, body);
        b.setResultColumns(new String[] {"rowid", "a", "b"}, new String[] {null, null, null});
        return b.finish();
    }

    static Object[][] sampleRows(int n) {
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            Object b = i % 4 == 0 ? null : i % 4 == 1 ? (Object) (i * 1.5) : i % 4 == 2 ? "text " + i + " " + "x".repeat(i % 50)
                    : new byte[] {(byte) i, 0, (byte) (i >> 8)};
            rows[i] = new Object[] {(long) i * 1000, b};
        }
        return rows;
    }

    private int rootOfT() {
        for (SchemaReader.Row r : conn.schemaRows()) {
            if ("t".equals(r.name)) {
                return r.rootPage;
            }
        }
        throw new AssertionError("no table t in the schema");
    }

    @Test
    void rowsWrittenThroughCursorsReadBackInRowidOrder() throws Exception {
        Object[][] rows = sampleRows(300);
        assertEquals(List.of(), run(createAndInsert(rows)));
        assertEquals(300, conn.changes());
        assertEquals(300, conn.totalChanges());
        assertEquals(300, conn.lastInsertRowid());
        assertTrue(conn.isAutocommit());
        List<List<Object>> got = run(scan(rootOfT()));
        assertEquals(300, got.size());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            List<Object> row = new ArrayList<>();
            row.add((long) i + 1);
            row.add(rows[i][0]);
            row.add(rows[i][1]);
            expected.append(show(List.of(row)));
        }
        assertEquals(expected.toString(), show(got));
    }

    @Test
    void sqliteReadsTheFileTheVmWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vm.db");
        Vfs fvfs = TestVfs.wrap(new FileVfs());
        Connection c = HostLoop.open(fvfs, file.toString());
        Object[][] rows = sampleRows(200);
        dev.skerry.engine.Statement s = c.prepare(createAndInsert(rows));
        assertEquals(List.of(), HostLoop.rows(s, fvfs));
        s.close();
        HostLoop.close(c, fvfs);
        assertTrue(Files.size(file) > 0);
        try (java.sql.Connection j = DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement q = j.createStatement()) {
            try (ResultSet rs = q.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = q.executeQuery("SELECT sql FROM sqlite_schema WHERE name='t'")) {
                rs.next();
                assertEquals(CREATE, rs.getString(1));
            }
            try (ResultSet rs = q.executeQuery("SELECT count(*), sum(a), count(b) FROM t")) {
                rs.next();
                assertEquals(200, rs.getLong(1));
                assertEquals(199L * 200 / 2 * 1000, rs.getLong(2));
                assertEquals(150, rs.getLong(3));
            }
        }
        // And a new connection of ours loads the schema from the file.
        Connection again = HostLoop.open(fvfs, file.toString());
        assertEquals(1, again.schemaRows().size());
        assertEquals(CREATE, again.schemaRows().get(0).sql);
        HostLoop.close(again, fvfs);
    }

    @Test
    void anErrorInAnAutocommitStatementUndoesItsRows() throws Exception {
        run(createAndInsert(sampleRows(3)));
        int root = rootOfT();
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int v = b.allocRegisters(2);
        int rec = b.allocRegister();
        int rowid = b.allocRegister();
        b.allocCursor();
        b.addOp(Opcode.OPEN_WRITE, 0, root, 0, 2);
        for (int k = 0; k < 50; k++) {
            b.addInteger(k, v);
            b.addOp(Opcode.MAKE_RECORD, v, 2, rec);
            b.addOp(Opcode.NEW_ROWID, 0, rowid);
            b.addOp(Opcode.INSERT, 0, rec, rowid, "t", Opcode.OPFLAG_NCHANGE);
        }
        b.addOp(Opcode.HALT, ResultCode.SQLITE_CONSTRAINT_CHECK, Opcode.OE_ABORT, 0, "late", Opcode.P5_CONSTRAINT_CHECK);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_WRITE);
        b.addOp(Opcode.GOTO, 0, body);
        Program failing = b.finish();
        SqliteException e = assertThrows(SqliteException.class, () -> run(failing));
        assertEquals("CHECK constraint failed: late", e.getMessage());
        assertEquals(3, run(scan(root)).size());

        // Inside BEGIN, only the failing statement is undone; COMMIT keeps the rest.
        run(autoCommit(0, 0));
        assertFalse(conn.isAutocommit());
        run(insertOne(root, 99));
        assertThrows(SqliteException.class, () -> run(failing));
        assertFalse(conn.isAutocommit());
        run(autoCommit(1, 0));
        assertTrue(conn.isAutocommit());
        assertEquals(4, run(scan(root)).size());

        // ROLLBACK undoes the transaction.
        run(autoCommit(0, 0));
        run(insertOne(root, 100));
        assertEquals(5, run(scan(root)).size());
        run(autoCommit(1, 1));
        assertEquals(4, run(scan(root)).size());
    }

    @Test
    void transactionControlErrorsAreSqlites() throws Exception {
        SqliteException e = assertThrows(SqliteException.class, () -> run(autoCommit(1, 0)));
        assertEquals("cannot commit - no transaction is active", e.getMessage());
        e = assertThrows(SqliteException.class, () -> run(autoCommit(1, 1)));
        assertEquals("cannot rollback - no transaction is active", e.getMessage());
        run(autoCommit(0, 0));
        e = assertThrows(SqliteException.class, () -> run(autoCommit(0, 0)));
        assertEquals("cannot start a transaction within a transaction", e.getMessage());
        run(autoCommit(1, 0));
    }

    @Test
    void savepointsNestRollBackAndReleaseTheOutermostCommits() throws Exception {
        run(createAndInsert(sampleRows(3)));
        int root = rootOfT();
        run(savepoint(Opcode.SAVEPOINT_BEGIN, "a"));
        assertFalse(conn.isAutocommit());
        run(insertOne(root, 99));
        run(savepoint(Opcode.SAVEPOINT_BEGIN, "B"));
        run(insertOne(root, 100));
        assertEquals(5, run(scan(root)).size());
        run(savepoint(Opcode.SAVEPOINT_ROLLBACK, "b"));
        assertEquals(4, run(scan(root)).size());
        run(insertOne(root, 101));
        run(savepoint(Opcode.SAVEPOINT_RELEASE, "b"));
        assertEquals(5, run(scan(root)).size());
        run(savepoint(Opcode.SAVEPOINT_ROLLBACK, "a"));
        assertEquals(3, run(scan(root)).size());
        assertFalse(conn.isAutocommit());
        run(insertOne(root, 102));
        SqliteException e = assertThrows(SqliteException.class, () -> run(savepoint(Opcode.SAVEPOINT_RELEASE, "zz")));
        assertEquals("no such savepoint: zz", e.getMessage());
        run(savepoint(Opcode.SAVEPOINT_RELEASE, "a"));
        assertTrue(conn.isAutocommit());
        List<List<Object>> rows = run(scan(root));
        assertEquals(4, rows.size());
        assertEquals(102L, rows.get(3).get(1));
    }

    private static Program savepoint(int op, String name) {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        b.addOp(Opcode.SAVEPOINT, op, 0, 0, name);
        b.addOp(Opcode.HALT);
        return b.finish();
    }

    private static Program autoCommit(int p1, int p2) {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        b.addOp(Opcode.AUTO_COMMIT, p1, p2);
        b.addOp(Opcode.HALT);
        return b.finish();
    }

    private static Program insertOne(int root, long value) {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int v = b.allocRegisters(2);
        int rec = b.allocRegister();
        int rowid = b.allocRegister();
        b.allocCursor();
        b.addOp(Opcode.OPEN_WRITE, 0, root, 0, 2);
        b.addInteger(value, v);
        b.addOp(Opcode.MAKE_RECORD, v, 2, rec);
        b.addOp(Opcode.NEW_ROWID, 0, rowid);
        b.addOp(Opcode.INSERT, 0, rec, rowid, "t", Opcode.OPFLAG_NCHANGE);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_WRITE);
        b.addOp(Opcode.GOTO, 0, body);
        return b.finish();
    }
}
