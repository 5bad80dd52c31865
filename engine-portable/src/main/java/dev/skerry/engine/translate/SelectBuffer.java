package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.vdbe.Opcode;

/**
 * The rows of an {@code INSERT … SELECT} kept in an ephemeral table before the first one is written (as SQLite
 * does when the SELECT may read what the INSERT writes), then handed out one at a time: each row's values are
 * loaded into consecutive registers and the caller's loop body is emitted once for all of them.
 */
final class SelectBuffer {
    /** Checks the column count of the SELECT's rows (an error when it differs from the target's). */
    interface CountCheck {
        void check(int got) throws SqliteException;
    }

    /** Emits the code run for each buffered row, whose values are in the registers given to {@link #forEachRow}. */
    interface Body {
        void emit() throws SqliteException;
    }

    private SelectBuffer() {
    }

    /**
     * Runs {@code select} into an ephemeral table of {@code nValues} columns ({@code check} sees each core's
     * column count), then loops over it, loading each row into registers {@code values ..} and emitting
     * {@code body}.
     */
    static void forEachRow(Parse p, SelectCoder sc, Select select, int nValues, int values, CountCheck check,
            Body body) throws SqliteException {
        int eph = p.cursor();
        p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, nValues);
        sc.compile(select, null, (first, n) -> {
            check.check(n);
            int rec = p.reg();
            int r = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, first, n, rec);
            p.v.addOp(Opcode.NEW_ROWID, eph, r);
            p.v.addOp(Opcode.INSERT, eph, rec, r);
        });
        int done = p.label();
        p.v.addOp(Opcode.REWIND, eph, done);
        int top = p.v.currentAddress();
        for (int k = 0; k < nValues; k++) {
            p.v.addOp(Opcode.COLUMN, eph, k, values + k);
        }
        body.emit();
        p.v.addOp(Opcode.NEXT, eph, top);
        p.resolve(done);
    }
}
