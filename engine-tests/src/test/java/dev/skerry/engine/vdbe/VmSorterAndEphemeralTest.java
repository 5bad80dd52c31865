package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory sorter and ephemeral tables, against SQLite's ORDER BY and DISTINCT on the same values. */
class VmSorterAndEphemeralTest extends VmTestBase {
    private static final Object[] VALUES = {"banana", 3L, "Apple", null, 2.5, new byte[] {1, 2}, "cherry", -7L,
        "apple2", 3.0, 10L, "Zed", new byte[] {1}, null, "banana", 2.5};

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String) {
            return "'" + v + "'";
        }
        if (v instanceof byte[]) {
            StringBuilder sb = new StringBuilder("x'");
            for (byte b : (byte[]) v) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.append('\'').toString();
        }
        return v.toString();
    }

    private static String[] tableOfValues() {
        List<String> setup = new ArrayList<>();
        setup.add("CREATE TABLE t(v)");
        for (Object v : VALUES) {
            setup.add("INSERT INTO t VALUES(" + literal(v) + ")");
        }
        return setup.toArray(new String[0]);
    }

    private Program sortProgram(Collation coll, boolean desc) {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int v = b.allocRegister();
        int rec = b.allocRegister();
        int data = b.allocRegister();
        int out = b.allocRegister();
        int sorter = b.allocCursor();
        int pseudo = b.allocCursor();
        b.addOp(Opcode.SORTER_OPEN, sorter, 1, 0, new KeyInfo(1, new Collation[] {coll}, new boolean[] {desc}));
        for (Object x : VALUES) {
            load(b, x, v);
            b.addOp(Opcode.MAKE_RECORD, v, 1, rec);
            b.addOp(Opcode.SORTER_INSERT, sorter, rec);
        }
        b.addOp(Opcode.OPEN_PSEUDO, pseudo, data, 1);
        int end = b.makeLabel();
        b.addOp(Opcode.SORTER_SORT, sorter, end);
        int loop = b.addOp(Opcode.SORTER_DATA, sorter, data, pseudo);
        b.addOp(Opcode.COLUMN, pseudo, 0, out);
        b.addOp(Opcode.RESULT_ROW, out, 1);
        b.addOp(Opcode.SORTER_NEXT, sorter, loop);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"v"}, new String[] {null});
        return b.finish();
    }

    @Test
    void sorterOrdersAsOrderBy() throws Exception {
        assertEquals(show(sqlite("SELECT v FROM t ORDER BY v", tableOfValues())),
                show(run(sortProgram(Collation.BINARY, false))));
        assertEquals(show(sqlite("SELECT v FROM t ORDER BY v COLLATE NOCASE DESC", tableOfValues())),
                show(run(sortProgram(Collation.NOCASE, true))));
    }

    @Test
    void ephemeralIndexGivesDistinctValuesInFirstSeenOrder() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int v = b.allocRegister();
        int rec = b.allocRegister();
        int eph = b.allocCursor();
        b.addOp(Opcode.OPEN_EPHEMERAL, eph, 1, 0, KeyInfo.binary(1));
        for (Object x : VALUES) {
            load(b, x, v);
            int skip = b.makeLabel();
            b.addOp(Opcode.FOUND, eph, skip, v, 1);
            b.addOp(Opcode.MAKE_RECORD, v, 1, rec);
            b.addOp(Opcode.IDX_INSERT, eph, rec);
            b.addOp(Opcode.RESULT_ROW, v, 1);
            b.resolveLabel(skip);
        }
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"v"}, new String[] {null});
        assertEquals(show(sqlite("SELECT DISTINCT v FROM t", tableOfValues())), show(run(b.finish())));
    }

    @Test
    void ephemeralIndexSeeksByPrefix() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int k = b.allocRegisters(2);
        int rec = b.allocRegister();
        int out = b.allocRegisters(2);
        int eph = b.allocCursor();
        b.addOp(Opcode.OPEN_EPHEMERAL, eph, 2, 0, KeyInfo.binary(2));
        for (long a = 1; a <= 3; a++) {
            for (long c = 1; c <= 2; c++) {
                b.addInteger(a, k);
                b.addInteger(c, k + 1);
                b.addOp(Opcode.MAKE_RECORD, k, 2, rec);
                b.addOp(Opcode.IDX_INSERT, eph, rec);
            }
        }
        int[] seeks = {Opcode.SEEK_GE, Opcode.SEEK_GT, Opcode.SEEK_LE, Opcode.SEEK_LT};
        for (int op : seeks) {
            b.addInteger(2, k);
            int miss = b.makeLabel();
            b.addOp(op, eph, miss, k, 1);
            b.addOp(Opcode.COLUMN, eph, 0, out);
            b.addOp(Opcode.COLUMN, eph, 1, out + 1);
            b.addOp(Opcode.RESULT_ROW, out, 2);
            b.resolveLabel(miss);
        }
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"a", "b"}, new String[] {null, null});
        assertEquals(List.of(List.of(2L, 1L), List.of(3L, 1L), List.of(2L, 2L), List.of(1L, 2L)), run(b.finish()));
    }

    @Test
    void ephemeralTableKeepsRowsByRowidAndDeletes() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int v = b.allocRegister();
        int rec = b.allocRegister();
        int rowid = b.allocRegister();
        int out = b.allocRegisters(2);
        int eph = b.allocCursor();
        b.addOp(Opcode.OPEN_EPHEMERAL, eph, 1);
        for (long x = 10; x <= 50; x += 10) {
            b.addInteger(x, v);
            b.addOp(Opcode.MAKE_RECORD, v, 1, rec);
            b.addOp(Opcode.NEW_ROWID, eph, rowid);
            b.addOp(Opcode.INSERT, eph, rec, rowid);
        }
        // Delete rowid 3, then scan.
        b.addInteger(3, rowid);
        int gone = b.makeLabel();
        b.addOp(Opcode.NOT_EXISTS, eph, gone, rowid);
        b.addOp(Opcode.DELETE, eph);
        b.resolveLabel(gone);
        int end = b.makeLabel();
        b.addOp(Opcode.REWIND, eph, end);
        int loop = b.addOp(Opcode.ROWID, eph, out);
        b.addOp(Opcode.COLUMN, eph, 0, out + 1);
        b.addOp(Opcode.RESULT_ROW, out, 2);
        b.addOp(Opcode.NEXT, eph, loop);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"rowid", "v"}, new String[] {null, null});
        assertEquals(List.of(List.of(1L, 10L), List.of(2L, 20L), List.of(4L, 40L), List.of(5L, 50L)),
                run(b.finish()));
    }
}
