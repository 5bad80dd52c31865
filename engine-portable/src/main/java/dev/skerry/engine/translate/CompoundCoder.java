package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compound SELECT (UNION ALL, UNION, INTERSECT, EXCEPT), left to right, into one {@link Output} that
 * applies the compound's ORDER BY (terms must name or number a result column) and LIMIT.
 *
 * <p>With an ORDER BY, chains of UNION and UNION ALL stream: the cores up to the last UNION are deduplicated
 * together through an ephemeral index (the first of equal rows is kept), later cores pass straight through.
 * Otherwise a chain with UNION, INTERSECT or EXCEPT is materialized in an ephemeral index (which also removes
 * duplicates, keeping the last of equal rows as SQLite's does, or with an ORDER BY the first): EXCEPT deletes the right side's rows from
 * it, INTERSECT keeps the entries it finds, UNION and UNION ALL add to it; the index is then read out, and
 * the cores joined by UNION ALL after the last INTERSECT/EXCEPT/UNION follow unchanged. Names and types come
 * from the first core; each column's collation from the leftmost core that gives it one.
 */
final class CompoundCoder {
    private CompoundCoder() {
    }

    /** The EXPLAIN QUERY PLAN line over a core joined by {@code op} (null: the first core), as SQLite's. */
    private static String explainLabel(Select.CompoundOp op) {
        if (op == null) {
            return "LEFT-MOST SUBQUERY";
        }
        return op == Select.CompoundOp.UNION_ALL ? "UNION ALL" : opName(op.ordinal()) + " USING TEMP B-TREE";
    }

    static String opName(int op) {
        switch (Select.CompoundOp.values()[op]) {
            case UNION: return "UNION";
            case UNION_ALL: return "UNION ALL";
            case INTERSECT: return "INTERSECT";
            default: return "EXCEPT";
        }
    }

    static SelectCoder.ResultInfo compile(SelectCoder sc, Select sel, Scope outer, Output.Sink sink)
            throws SqliteException {
        Parse p = sc.p;
        boolean coresIgnorable = sc.compoundCoresIgnorable;
        sc.compoundCoresIgnorable = false;
        List<SelectCore> cores = sel.cores();
        List<Select.CompoundOp> ops = sel.ops();
        boolean materialize = false;
        int lastUnion = -1;
        int lastDistinct = -1;
        for (int k = 0; k < ops.size(); k++) {
            Select.CompoundOp op = ops.get(k);
            if (op == Select.CompoundOp.INTERSECT || op == Select.CompoundOp.EXCEPT) {
                materialize = true;
            }
            if (op == Select.CompoundOp.UNION) {
                lastUnion = k;
            }
            if (op != Select.CompoundOp.UNION_ALL) {
                lastDistinct = k;
            }
        }
        SelectCoder.ResultInfo first = sc.describeCore(cores.get(0), outer);
        int n = first.names.length;
        int[] shape = {n, 0};
        Collation[] columnCollations = columnCollations(sc, cores, first, outer);
        Object keyInfo = KeyInfos.of(columnCollations, new boolean[n]);
        if (lastDistinct >= 0 && sel.orderBy().isEmpty()) {
            materialize = true;
        }
        Output out = createOutput(sc, sel, first, columnCollations, outer, sink);
        Output.Sink toOutput = (regs, cnt) -> {
            int next = p.label();
            out.row(regs, null, next);
            p.resolve(next);
        };
        int eph = -1;
        if (materialize || lastUnion >= 0) {
            eph = p.cursor();
            p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, n, 0, keyInfo);
        }
        int setCores = materialize ? lastDistinct + 2 : cores.size();
        int explainParent = p.explainPush("COMPOUND QUERY");
        for (int k = 0; k < setCores; k++) {
            Select.CompoundOp op = k == 0 ? null : ops.get(k - 1);
            shape[1] = op == null ? 0 : op.ordinal();
            int set = eph;
            Output.Sink coreSink;
            int kept = -1;
            if (!materialize) {
                coreSink = lastUnion >= 0 && k <= lastUnion + 1 ? (regs, cnt) -> {
                    int skip = p.label();
                    p.v.addOp(Opcode.FOUND, set, skip, regs, Integer.valueOf(cnt));
                    insert(p, set, regs, cnt);
                    toOutput.row(regs, cnt);
                    p.resolve(skip);
                } : toOutput;
            } else if (op == null || op == Select.CompoundOp.UNION || op == Select.CompoundOp.UNION_ALL) {
                // UNION ALL before a later INTERSECT/EXCEPT: the result is a set anyway.
                coreSink = sel.orderBy().isEmpty() ? (regs, cnt) -> replace(p, set, regs, cnt)
                        : (regs, cnt) -> insert(p, set, regs, cnt);
            } else if (op == Select.CompoundOp.EXCEPT) {
                coreSink = (regs, cnt) -> {
                    int skip = p.label();
                    p.v.addOp(Opcode.NOT_FOUND, set, skip, regs, Integer.valueOf(cnt));
                    p.v.addOp(Opcode.DELETE, set, 0);
                    p.resolve(skip);
                };
            } else {
                kept = p.cursor();
                int into = kept;
                p.v.addOp(Opcode.OPEN_EPHEMERAL, kept, n, 0, keyInfo);
                coreSink = (regs, cnt) -> {
                    int skip = p.label();
                    p.v.addOp(Opcode.NOT_FOUND, set, skip, regs, Integer.valueOf(cnt));
                    int entry = p.regs(cnt);
                    for (int i = 0; i < cnt; i++) {
                        p.v.addOp(Opcode.COLUMN, set, i, entry + i);
                    }
                    insert(p, into, entry, cnt);
                    p.resolve(skip);
                };
            }
            int explainCore = p.explainPush(explainLabel(op));
            sc.coreOrderIgnorable = coresIgnorable;
            sc.core(cores.get(k), null, null, outer, coreSink, k == 0 ? null : shape);
            p.explainPop(explainCore);
            if (kept >= 0) {
                eph = kept;
            }
        }
        if (materialize) {
            int end = p.label();
            p.v.addOp(Opcode.REWIND, eph, end);
            int top = p.v.currentAddress();
            int regs = p.regs(n);
            for (int i = 0; i < n; i++) {
                p.v.addOp(Opcode.COLUMN, eph, i, regs + i);
            }
            toOutput.row(regs, n);
            p.v.addOp(Opcode.NEXT, eph, top);
            p.resolve(end);
            for (int k = setCores; k < cores.size(); k++) {
                shape[1] = ops.get(k - 1).ordinal();
                int explainCore = p.explainPush(explainLabel(ops.get(k - 1)));
                sc.core(cores.get(k), null, null, outer, toOutput, shape);
                p.explainPop(explainCore);
            }
        }
        p.explainPop(explainParent);
        out.finish();
        return first;
    }

    /**
     * Adds a row to a set, replacing an equal row already there: as SQLite's {@code IdxInsert} overwrites an
     * equal key, the set keeps the last of the rows its collations call equal ({@code 1} and {@code 1.0},
     * {@code 'a'} and {@code 'A'} under NOCASE).
     */
    private static void replace(Parse p, int cursor, int regs, int n) {
        int absent = p.label();
        p.v.addOp(Opcode.NOT_FOUND, cursor, absent, regs, Integer.valueOf(n));
        p.v.addOp(Opcode.DELETE, cursor, 0);
        p.resolve(absent);
        insert(p, cursor, regs, n);
    }

    /**
     * The collation of each result column (SQLite's {@code multiSelectCollSeq}): that of the leftmost core
     * whose expression has one, else BINARY.
     */
    private static Collation[] columnCollations(SelectCoder sc, List<SelectCore> cores, SelectCoder.ResultInfo first,
            Scope outer) throws SqliteException {
        Collation[] coll = first.collations.clone();
        boolean[] known = first.collated.clone();
        for (int k = 1; k < cores.size(); k++) {
            boolean all = true;
            for (boolean b : known) {
                all &= b;
            }
            if (all) {
                break;
            }
            SelectCoder.ResultInfo info = sc.describeCore(cores.get(k), outer);
            for (int i = 0; i < coll.length && i < info.collations.length; i++) {
                if (!known[i] && info.collated[i]) {
                    coll[i] = info.collations[i];
                    known[i] = true;
                }
            }
        }
        return coll;
    }

    private static void insert(Parse p, int cursor, int regs, int n) {
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
        p.v.addOp(Opcode.IDX_INSERT, cursor, rec);
    }

    private static Output createOutput(SelectCoder sc, Select sel, SelectCoder.ResultInfo info,
            Collation[] columnCollations, Scope outer, Output.Sink sink) throws SqliteException {
        int n = info.names.length;
        List<OrderingTerm> orderBy = sel.orderBy();
        int[] cols = new int[orderBy.size()];
        boolean[] desc = new boolean[orderBy.size()];
        Collation[] coll = new Collation[orderBy.size()];
        boolean[] bigNull = new boolean[orderBy.size()];
        List<Expr> keys = new ArrayList<>();
        for (int k = 0; k < orderBy.size(); k++) {
            OrderingTerm t = orderBy.get(k);
            Expr e = t.expr();
            Collation explicit = null;
            if (e instanceof Expr.Collate) {
                explicit = dev.skerry.engine.schema.SchemaBuilder.collation(((Expr.Collate) e).collation().text());
                e = ((Expr.Collate) e).operand();
            }
            int index = -1;
            Integer number = ColumnNumbers.of(e, sc.p.sql);
            if (number != null) {
                long c = number;
                if (c < 1 || c > n) {
                    throw SqliteException.error(SelectCoder.ordinal(k + 1)
                            + " ORDER BY term out of range - should be between 1 and " + n);
                }
                index = (int) c - 1;
            } else if (e instanceof Expr.ColumnRef && ((Expr.ColumnRef) e).table() == null) {
                for (int i = 0; i < n; i++) {
                    if (Names.equal(info.names[i], ((Expr.ColumnRef) e).column().text())) {
                        index = i;
                        break;
                    }
                }
            }
            for (int c = 0; index < 0 && c < sel.cores().size(); c++) {
                index = sc.matchColumn(sel.cores().get(c), e, outer);
            }
            if (index < 0) {
                throw SqliteException.error(SelectCoder.ordinal(k + 1)
                        + " ORDER BY term does not match any column in the result set");
            }
            cols[k] = index;
            desc[k] = t.order() == dev.skerry.engine.parser.ast.SortOrder.DESC;
            bigNull[k] = SelectCoder.bigNull(t);
            coll[k] = explicit != null ? explicit : columnCollations[index];
            keys.add(e);
        }
        if (!orderBy.isEmpty() && sel.ops().get(sel.ops().size() - 1) != Select.CompoundOp.UNION_ALL) {
            int m = cols.length;
            for (int i = 0; i < n; i++) {
                boolean named = false;
                for (int k = 0; k < m; k++) {
                    named |= cols[k] == i;
                }
                if (!named) {
                    cols = java.util.Arrays.copyOf(cols, cols.length + 1);
                    desc = java.util.Arrays.copyOf(desc, desc.length + 1);
                    coll = java.util.Arrays.copyOf(coll, coll.length + 1);
                    bigNull = java.util.Arrays.copyOf(bigNull, bigNull.length + 1);
                    cols[cols.length - 1] = i;
                    coll[coll.length - 1] = columnCollations[i];
                    keys.add(keys.get(0));
                }
            }
        }
        Output out = new Output(sc.p, sc.ex, n, keys, desc, coll, false, columnCollations, sel.limit(), sink);
        out.sortByColumns(cols);
        out.nullsAgainstOrder(bigNull);
        out.prepare(sc.p.newScope(sc.p.outer(outer)));
        return out;
    }

    /**
     * The column affinities of a compound used as a table (subquery or CTE in FROM, view), as SQLite's
     * {@code sqlite3SubqueryColumnTypes}: the first core whose expression has an affinity gives it; a TEXT
     * affinity becomes BLOB (none) when another core's expression may be numeric, a numeric one when another
     * may be text.
     */
    static char[] sourceAffinities(SelectCoder sc, Select sel, Scope outer) throws SqliteException {
        List<SelectCore> cores = sel.cores();
        SelectCoder.ResultInfo[] infos = new SelectCoder.ResultInfo[cores.size()];
        for (int k = 0; k < cores.size(); k++) {
            infos[k] = sc.describeCore(cores.get(k), outer);
        }
        int n = infos[0].affinities.length;
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            int m = 0;
            char aff = infos[0].affinities[i];
            while (aff <= Opcode.AFF_NONE && k + 1 < cores.size()) {
                m |= infos[k].dataTypes[i];
                k++;
                aff = i < infos[k].affinities.length ? infos[k].affinities[i] : (char) Opcode.AFF_NONE;
            }
            if (aff >= 'B' && cores.size() > 1) {
                for (int j = k + 1; j < cores.size(); j++) {
                    m |= i < infos[j].dataTypes.length ? infos[j].dataTypes[i] : 0;
                }
                if (aff == 'B' && (m & DataTypes.NUMERIC) != 0) {
                    aff = 'A';
                } else if (aff >= 'C' && (m & DataTypes.TEXT) != 0) {
                    aff = 'A';
                }
            }
            out[i] = aff;
        }
        return out;
    }
}
