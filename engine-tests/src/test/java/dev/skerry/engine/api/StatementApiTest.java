package dev.skerry.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.Program;
import dev.skerry.engine.vdbe.ProgramBuilder;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Statement API: parameters, column accessors, reset and reuse, EXPLAIN rows, misuse errors. */
class StatementApiTest {
    private Vfs vfs;
    private Connection conn;

    @BeforeEach
    void open() throws SqliteException {
        vfs = TestVfs.create();
        conn = HostLoop.open(vfs, "api.db");
    }

    @AfterEach
    void close() throws SqliteException {
        HostLoop.close(conn, vfs);
    }

    /** SELECT :a, ?2, :a || 'x' with two named parameters. */
    private static Program echo() {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int out = b.allocRegisters(3);
        b.addOp(Opcode.VARIABLE, 1, out, 0, ":a");
        b.addOp(Opcode.VARIABLE, 2, out + 1, 0, "?2");
        b.addString("x", out + 2);
        b.addOp(Opcode.CONCAT, out + 2, out, out + 2);
        b.addOp(Opcode.RESULT_ROW, out, 3);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {":a", "?2", "c"}, new String[] {null, "INT", null});
        b.setParameterNames(new String[] {":a", "?2"});
        return b.finish();
    }

    @Test
    void boundValuesComeBackThroughEveryAccessor() throws Exception {
        Statement s = conn.prepare(echo());
        assertEquals(2, s.parameterCount());
        assertEquals(1, s.parameterIndex(":a"));
        assertEquals(2, s.parameterIndex("?2"));
        assertEquals(0, s.parameterIndex(":zz"));
        assertEquals("?2", s.parameterName(2));
        assertEquals(3, s.columnCount());
        assertEquals(":a", s.columnName(0));
        assertEquals("INT", s.columnDecltype(1));
        s.bindLong(1, 42);
        s.bindDouble(2, 2.5);
        assertEquals(StepResult.ROW, HostLoop.step(s, vfs));
        assertEquals(Mem.INTEGER, s.columnType(0));
        assertEquals(42, s.columnLong(0));
        assertEquals("42", s.columnText(0));
        assertEquals(2.5, s.columnDouble(1));
        assertEquals("2.5", s.columnText(1));
        assertEquals("42x", s.columnText(2));
        assertArrayEquals(new byte[] {'4', '2', 'x'}, s.columnBlob(2));
        assertEquals(StepResult.DONE, HostLoop.step(s, vfs));

        // Binding while running is misuse; after reset the statement reruns with new bindings, no re-planning.
        s.reset();
        s.bindText(1, "hé");
        s.bindBlob(2, new byte[] {1, 2});
        assertEquals(StepResult.ROW, HostLoop.step(s, vfs));
        SqliteException busy = assertThrows(SqliteException.class, () -> s.bindLong(1, 1));
        assertEquals(ResultCode.SQLITE_MISUSE, busy.code());
        assertEquals("hé", s.columnText(0));
        assertEquals(Mem.BLOB, s.columnType(1));
        assertEquals("héx", s.columnText(2));
        assertEquals(StepResult.DONE, HostLoop.step(s, vfs));

        // Stepping after DONE starts again (SQLite's automatic reset), with the same bindings.
        assertEquals(StepResult.ROW, HostLoop.step(s, vfs));
        assertEquals("hé", s.columnText(0));
        s.reset();
        s.clearBindings();
        assertEquals(StepResult.ROW, HostLoop.step(s, vfs));
        assertNull(s.columnText(0));
        s.close();
    }

    @Test
    void outOfRangeIndexesAreRangeErrors() throws Exception {
        Statement s = conn.prepare(echo());
        assertEquals(ResultCode.SQLITE_RANGE, assertThrows(SqliteException.class, () -> s.bindLong(3, 1)).code());
        assertEquals(ResultCode.SQLITE_RANGE, assertThrows(SqliteException.class, () -> s.bindLong(0, 1)).code());
        assertEquals(ResultCode.SQLITE_RANGE, assertThrows(SqliteException.class, () -> s.columnName(3)).code());
        s.close();
        assertEquals(ResultCode.SQLITE_MISUSE, assertThrows(SqliteException.class, s::step).code());
    }

    @Test
    void explainListsTheInstructions() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int r = b.allocRegisters(2);
        b.addOp(Opcode.INTEGER, 7, r);
        b.comment("seven");
        b.addOp(Opcode.COPY, r, r + 1, 1);
        b.addOp(Opcode.RESULT_ROW, r, 2);
        b.addOp(Opcode.HALT);
        b.setExplainMode(Program.EXPLAIN);
        Statement s = conn.prepare(b.finish());
        assertEquals(8, s.columnCount());
        assertEquals("addr", s.columnName(0));
        assertEquals("comment", s.columnName(7));
        List<List<Object>> rows = HostLoop.rows(s, vfs);
        assertEquals(5, rows.size());
        assertEquals(List.of(0L, "Init", 0L, 1L, 0L), rows.get(0).subList(0, 5));
        assertNull(rows.get(0).get(5));
        assertEquals("Start at 1", rows.get(0).get(7));
        assertEquals("seven", rows.get(1).get(7));
        assertEquals("r[2..3]=r[1..2]", rows.get(2).get(7));
        assertEquals("output=r[1..2]", rows.get(3).get(7));
    }

    @Test
    void explainShowsP4AsSqliteDoes() throws Exception {
        Statement s = conn.prepare("EXPLAIN SELECT 2.5, 10000000000, 'txt', abs(-1)");
        List<List<Object>> rows = HostLoop.rows(s, vfs);
        s.close();
        StringBuilder p4 = new StringBuilder();
        for (List<Object> row : rows) {
            if (row.get(5) != null) {
                p4.append(row.get(1)).append(' ').append(row.get(5)).append(';');
            }
        }
        String shown = p4.toString();
        org.junit.jupiter.api.Assertions.assertTrue(shown.contains("Real 2.5;"), shown);
        org.junit.jupiter.api.Assertions.assertTrue(shown.contains("Int64 10000000000;"), shown);
        org.junit.jupiter.api.Assertions.assertTrue(shown.contains("String8 txt;"), shown);
        org.junit.jupiter.api.Assertions.assertTrue(shown.contains("Function abs(1);"), shown);
    }
}
