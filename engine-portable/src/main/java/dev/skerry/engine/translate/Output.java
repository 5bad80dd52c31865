package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Limit;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * The last stage of a query (SQLite's {@code selectInnerLoop} and {@code generateSortTail}): DISTINCT,
 * ORDER BY through a sorter, OFFSET and LIMIT, then the {@link Sink}.
 *
 * <p>Order of use: {@link #prepare} before the loops (opens the DISTINCT index and the sorter, computes
 * LIMIT and OFFSET: a LIMIT that is 0 ends the query at once, a negative one means no limit, a negative
 * OFFSET counts as 0); {@link #row} for each result row; {@link #finish} after the loops (drains the
 * sorter); then {@link #done} is the address after all output. When the rows already come in ORDER BY
 * order, {@link #sortNotNeeded} turns the sorter off before any row is emitted.
 */
final class Output {
    /** Where result rows go: registers {@code first .. first+n-1} hold one row. */
    interface Sink {
        void row(int first, int n) throws SqliteException;
    }

    private final Parse p;
    private final ExprCoder ex;
    private final int nColumns;
    private final List<Expr> sortKeys;
    private int[] sortColumns;
    private final boolean[] sortDesc;
    private final Collation[] sortCollations;
    private final boolean distinct;
    private final Collation[] columnCollations;
    private final Limit limit;
    private final Sink sink;
    private final int done;
    private int limitReg;
    private int offsetReg;
    private int distinctCursor = -1;
    private int sorter = -1;
    private int sorterOpen = -1;
    /** Per sort key: NULLs go the other way than the direction puts them ({@link #nullsAgainstOrder}), or null. */
    private boolean[] bigNull;

    Output(Parse p, ExprCoder ex, int nColumns, List<Expr> sortKeys, boolean[] sortDesc,
            Collation[] sortCollations, boolean distinct, Collation[] columnCollations, Limit limit, Sink sink) {
        this.p = p;
        this.ex = ex;
        this.nColumns = nColumns;
        this.sortKeys = sortKeys;
        this.sortDesc = sortDesc;
        this.sortCollations = sortCollations;
        this.distinct = distinct;
        this.columnCollations = columnCollations;
        this.limit = limit;
        this.sink = sink;
        this.done = p.label();
    }

    /** Emitted before the loops; {@code limitScope} resolves names in LIMIT/OFFSET (none allowed but outer ones). */
    void prepare(Scope limitScope) throws SqliteException {
        if (limit != null) {
            limitReg = p.reg();
            ex.codeTo(limit.limit(), limitScope, limitReg);
            p.v.addOp(Opcode.MUST_BE_INT, limitReg, 0);
            p.v.addOp(Opcode.IF_NOT, limitReg, done, 0);
            if (limit.offset() != null) {
                offsetReg = p.reg();
                ex.codeTo(limit.offset(), limitScope, offsetReg);
                p.v.addOp(Opcode.MUST_BE_INT, offsetReg, 0);
                int positive = p.v.addOp(Opcode.IF_POS, offsetReg, 0, 0);
                p.v.addOp(Opcode.INTEGER, 0, offsetReg);
                p.v.jumpHere(positive);
            }
        }
        if (distinct) {
            distinctCursor = p.cursor();
            p.v.addOp(Opcode.OPEN_EPHEMERAL, distinctCursor, nColumns, 0,
                    KeyInfos.of(columnCollations, new boolean[nColumns]));
        }
        if (sortKeys != null && !sortKeys.isEmpty()) {
            sorter = p.cursor();
            int nKeys = keyFields();
            Collation[] coll = new Collation[nKeys];
            boolean[] desc = new boolean[nKeys];
            for (int k = 0, f = 0; k < sortKeys.size(); k++) {
                if (flipsNulls(k)) {
                    coll[f] = Collation.BINARY;
                    desc[f++] = sortDesc[k];
                }
                coll[f] = sortCollations[k];
                desc[f++] = sortDesc[k];
            }
            sorterOpen = p.v.addOp(Opcode.SORTER_OPEN, sorter, nKeys + nColumns, 0, KeyInfos.of(coll, desc));
        }
    }

    /**
     * Sort key k puts its NULLs after the other values when ascending, before them when descending
     * ({@code NULLS LAST} / {@code NULLS FIRST} against the direction): an extra key field before it holds
     * 1 for NULL and 0 otherwise, sorted in the same direction. Called before {@link #prepare}.
     */
    void nullsAgainstOrder(boolean[] flags) {
        bigNull = flags;
    }

    private boolean flipsNulls(int k) {
        return bigNull != null && bigNull[k];
    }

    /** The number of key fields in a sorter record: the keys and their NULL flags. */
    private int keyFields() {
        int n = sortKeys.size();
        for (int k = 0; k < sortKeys.size(); k++) {
            if (flipsNulls(k)) {
                n++;
            }
        }
        return n;
    }

    /** Sort keys are result columns (a compound SELECT): key k is column {@code columns[k]} of the row. */
    void sortByColumns(int[] columns) {
        sortColumns = columns;
    }

    /** The rows arrive in the wanted order already: no sorter. */
    void sortNotNeeded() {
        if (sorter >= 0) {
            p.v.changeOpcode(sorterOpen, Opcode.NOOP);
            sorter = -1;
        }
    }

    boolean sorts() {
        return sorter >= 0;
    }

    /** Where execution goes once the output is complete (LIMIT reached). */
    int done() {
        return done;
    }

    /**
     * One result row in registers {@code regs..regs+n-1}; sort keys are evaluated in {@code scope}.
     * {@code skip} is where to go when the row is dropped (DISTINCT, OFFSET).
     */
    void row(int regs, Scope scope, int skip) throws SqliteException {
        if (distinctCursor >= 0) {
            p.v.addOp(Opcode.FOUND, distinctCursor, skip, regs, Integer.valueOf(nColumns));
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, regs, nColumns, rec);
            p.v.addOp(Opcode.IDX_INSERT, distinctCursor, rec, regs, Integer.valueOf(nColumns));
        }
        if (sorter >= 0) {
            int nKeys = keyFields();
            int block = p.regs(nKeys + nColumns);
            for (int k = 0, f = 0; k < sortKeys.size(); k++, f++) {
                int flag = flipsNulls(k) ? block + f++ : 0;
                if (sortColumns != null) {
                    p.v.addOp(Opcode.SCOPY, regs + sortColumns[k], block + f);
                } else {
                    ex.codeTo(sortKeys.get(k), scope, block + f);
                }
                if (flag != 0) {
                    p.v.addOp(Opcode.INTEGER, 0, flag);
                    int notNull = p.v.addOp(Opcode.NOT_NULL, block + f, 0);
                    p.v.addOp(Opcode.INTEGER, 1, flag);
                    p.v.jumpHere(notNull);
                }
            }
            p.v.addOp(Opcode.COPY, regs, block + nKeys, nColumns - 1);
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, block, nKeys + nColumns, rec);
            p.v.addOp(Opcode.SORTER_INSERT, sorter, rec);
            return;
        }
        emit(regs, skip);
    }

    private void emit(int regs, int skip) throws SqliteException {
        if (offsetReg != 0) {
            p.v.addOp(Opcode.IF_POS, offsetReg, skip, 1);
        }
        sink.row(regs, nColumns);
        if (limitReg != 0) {
            p.v.addOp(Opcode.DECR_JUMP_ZERO, limitReg, done);
        }
    }

    /** Emitted after the loops: reads the sorter back in order. */
    void finish() throws SqliteException {
        if (sorter >= 0) {
            int nKeys = keyFields();
            int recReg = p.reg();
            int pseudo = p.cursor();
            p.v.addOp(Opcode.OPEN_PSEUDO, pseudo, recReg, nKeys + nColumns);
            int end = p.label();
            int next = p.label();
            p.v.addOp(Opcode.SORTER_SORT, sorter, end);
            int top = p.v.currentAddress();
            p.v.addOp(Opcode.SORTER_DATA, sorter, recReg, pseudo);
            int out = p.regs(nColumns);
            for (int i = 0; i < nColumns; i++) {
                p.v.addOp(Opcode.COLUMN, pseudo, nKeys + i, out + i);
            }
            emit(out, next);
            p.resolve(next);
            p.v.addOp(Opcode.SORTER_NEXT, sorter, top);
            p.resolve(end);
        }
        p.resolve(done);
    }
}
