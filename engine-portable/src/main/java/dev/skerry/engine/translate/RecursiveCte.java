package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.vdbe.Opcode;

/**
 * A recursive common table expression (SQLite's {@code generateWithRecursiveQuery}): {@code initial UNION
 * [ALL] step}, where the step reads the CTE itself. The initial query's rows go into a queue; while the queue
 * is not empty, its first row is taken out, added to the result, placed alone in a one-row table, and the step
 * query runs over that table, adding its rows to the queue. With UNION, a row already seen is not queued
 * again. A LIMIT on the CTE stops once that many rows are in the result. Not supported: an ORDER BY in the
 * CTE (SQLite's priority queue) and more than one initial or step query.
 */
final class RecursiveCte {
    private RecursiveCte() {
    }

    /** True when the CTE's query names the CTE in a FROM clause of its second (step) member. */
    static boolean refersToItself(SelectCoder.Cte cte) {
        Select sel = cte.def.select();
        for (int k = 1; k < sel.cores().size(); k++) {
            if (mentions(sel.cores().get(k), cte.def.name())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(SelectCore core, Name name) {
        if (!(core instanceof SelectCore.Query) || ((SelectCore.Query) core).from() == null) {
            return false;
        }
        FromClause from = ((SelectCore.Query) core).from();
        if (names(from.first(), name)) {
            return true;
        }
        for (FromClause.Join j : from.joins()) {
            if (names(j.right(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(TableOrSubquery item, Name name) {
        return item instanceof TableOrSubquery.Table
                && ((TableOrSubquery.Table) item).name().schema() == null
                && Names.equal(((TableOrSubquery.Table) item).name().name().text(), name.text());
    }

    static void materialize(Parse p, SelectCoder selects, SelectCoder.Cte cte, String alias, Scope scope)
            throws SqliteException {
        Select sel = cte.def.select();
        String name = cte.def.name().text();
        if (sel.cores().size() != 2 || sel.ops().get(0) == Select.CompoundOp.INTERSECT
                || sel.ops().get(0) == Select.CompoundOp.EXCEPT) {
            throw SqliteException.error("recursive common table expressions need exactly one initial and one"
                    + " recursive SELECT joined by UNION or UNION ALL");
        }
        if (!sel.orderBy().isEmpty()) {
            throw SqliteException.error("ORDER BY in a recursive common table expression is not supported");
        }
        if (mentions(sel.cores().get(0), cte.def.name())) {
            throw SqliteException.error("recursive reference in a subquery: " + name);
        }
        boolean distinct = sel.ops().get(0) == Select.CompoundOp.UNION;
        int result = p.cursor();
        int queue = p.cursor();
        int current = p.cursor();
        int seen = distinct ? p.cursor() : -1;
        int openResult = p.v.addOp(Opcode.OPEN_EPHEMERAL, result, 0);
        int openQueue = p.v.addOp(Opcode.OPEN_EPHEMERAL, queue, 0);
        int openSeen = distinct ? p.v.addOp(Opcode.OPEN_EPHEMERAL, seen, 0) : -1;
        int done = p.label();
        int limit = 0;
        if (sel.limit() != null) {
            limit = p.reg();
            selects.ex.codeTo(sel.limit().limit(), p.rootScope(), limit);
            p.v.addOp(Opcode.MUST_BE_INT, limit, 0);
            p.v.addOp(Opcode.IF_NOT, limit, done, 0);
        }
        Output.Sink toQueue = (regs, n) -> {
            int skip = p.label();
            if (distinct) {
                p.v.addOp(Opcode.FOUND, seen, skip, regs, Integer.valueOf(n));
                int key = p.reg();
                p.v.addOp(Opcode.MAKE_RECORD, regs, n, key);
                p.v.addOp(Opcode.IDX_INSERT, seen, key);
            }
            int rec = p.reg();
            int rowid = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
            p.v.addOp(Opcode.NEW_ROWID, queue, rowid);
            p.v.addOp(Opcode.INSERT, queue, rec, rowid);
            p.resolve(skip);
        };
        SelectCoder.ResultInfo info = selects.withVisible(cte,
                () -> selects.core(sel.cores().get(0), null, null, null, toQueue, null));
        int n = info.names.length;
        if (!cte.def.columns().isEmpty() && cte.def.columns().size() != n) {
            throw SqliteException.error("table " + name + " has " + n + " values for " + cte.def.columns().size()
                    + " columns");
        }
        p.v.changeP2(openResult, n);
        p.v.changeP2(openQueue, n);
        if (distinct) {
            p.v.changeP2(openSeen, n);
            p.v.changeP4(openSeen, KeyInfos.of(info.collations, new boolean[n]));
        }
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.REWIND, queue, done);
        int regs = p.regs(n);
        for (int i = 0; i < n; i++) {
            p.v.addOp(Opcode.COLUMN, queue, i, regs + i);
        }
        p.v.addOp(Opcode.DELETE, queue, 0);
        int rec = p.reg();
        int rowid = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
        p.v.addOp(Opcode.NEW_ROWID, result, rowid);
        p.v.addOp(Opcode.INSERT, result, rec, rowid);
        if (limit != 0) {
            p.v.addOp(Opcode.DECR_JUMP_ZERO, limit, done);
        }
        p.v.addOp(Opcode.OPEN_EPHEMERAL, current, n);
        p.v.addOp(Opcode.NEW_ROWID, current, rowid);
        p.v.addOp(Opcode.INSERT, current, rec, rowid);
        cte.current = current;
        cte.currentInfo = info;
        try {
            selects.core(sel.cores().get(1), null, null, null, toQueue, new int[] {n, sel.ops().get(0).ordinal()});
        } finally {
            cte.current = -1;
        }
        p.v.addOp(Opcode.GOTO, 0, top);
        p.resolve(done);
        String[] names = info.names;
        if (!cte.def.columns().isEmpty()) {
            names = new String[n];
            for (int k = 0; k < n; k++) {
                names[k] = cte.def.columns().get(k).text();
            }
        }
        scope.add(new Source(alias, names, info.affinities, info.collations, info.decltypes, result));
    }
}
