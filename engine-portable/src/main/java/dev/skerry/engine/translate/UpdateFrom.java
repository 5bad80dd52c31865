package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code UPDATE ... FROM} (SQLite 3.33+, SQLite's {@code updateFromSelect}): the target table joined with
 * the FROM clause, filtered by WHERE, gives for each target row its rowid and the values of the SET
 * expressions (which may read the FROM tables); they go into an ephemeral table keyed by the rowid, so that
 * a target row the join matches several times keeps the values of the last match (as SQLite's
 * {@code SRT_Upfrom} replaces them). The UPDATE then walks that table in rowid order, its SET expressions
 * replaced by reads of the stored values ({@link #source}).
 *
 * <p>A WITHOUT ROWID target's rows are keyed by their PRIMARY KEY instead (SQLite's {@code SRT_Upfrom} with an
 * index): an ephemeral index of the PRIMARY KEY values, the PRIMARY KEY record
 * ({@link WithoutRowidCoder#rowidField}, as plain UPDATE's row set), then the SET values; an entry with the
 * same PRIMARY KEY is deleted before the later match is inserted, and the rows are changed in PRIMARY KEY order.
 */
final class UpdateFrom {
    /** The name of the stored values' source: no SQL name can be written so without quotes. */
    static final String NAME = "(update-from)";

    private UpdateFrom() {
    }

    /**
     * Emits the join; returns the ephemeral cursor: field {@link WithoutRowidCoder#rowidField} the target rowid
     * (or PRIMARY KEY record), field {@code rowidField + k + 1} the value of {@code sets.get(k)} (single-column
     * assignments).
     */
    static int collect(Parse p, SelectCoder sc, Table table, Stmt.Update upd, List<SetClause> sets)
            throws SqliteException {
        String target = upd.alias() != null ? upd.alias().text() : table.name();
        List<ResultColumn> columns = new ArrayList<>();
        if (table.withoutRowid()) {
            dev.skerry.engine.schema.Index pk = table.primaryKey();
            for (int j = 0; j < pk.columnCount(); j++) {
                Expr col = new Expr.ColumnRef(null, name(target), name(table.column(pk.column(j)).name()), 0, 0);
                columns.add(new ResultColumn.Column(col, null, 0, 0));
            }
        } else {
            columns.add(new ResultColumn.Column(new Expr.ColumnRef(null, name(target), name("rowid"), 0, 0), null,
                    0, 0));
        }
        for (SetClause s : sets) {
            columns.add(new ResultColumn.Column(s.value(), null, 0, 0));
        }
        List<FromClause.Join> joins = new ArrayList<>();
        joins.add(new FromClause.Join(false, FromClause.JoinType.COMMA, upd.from().first(), null, List.of()));
        joins.addAll(upd.from().joins());
        TableOrSubquery first = new TableOrSubquery.Table(upd.table(), upd.alias(), upd.indexedBy(),
                upd.notIndexed());
        Select select = new Select(null, List.of(new SelectCore.Query(false, columns, new FromClause(first, joins),
                upd.where(), List.of(), null, List.of())), List.of(), List.of(), null, 0, 0);
        int eph = p.cursor();
        if (table.withoutRowid()) {
            collectByKey(p, sc, table, select, eph, sets.size());
            return eph;
        }
        p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, columns.size());
        sc.compile(select, null, (regs, n) -> {
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
            p.v.addOp(Opcode.INSERT, eph, rec, regs);
        });
        return eph;
    }

    /**
     * A WITHOUT ROWID target's row set: each joined row's PRIMARY KEY values (the first {@code nPk} result
     * registers), their record, and the SET values go into an ephemeral index replacing any entry with the
     * same PRIMARY KEY.
     */
    private static void collectByKey(Parse p, SelectCoder sc, Table table, Select select, int eph, int nSets)
            throws SqliteException {
        int nPk = WithoutRowidCoder.rowidField(table);
        int width = nPk + 1 + nSets;
        dev.skerry.engine.btree.KeyInfo pkKey = WithoutRowidCoder.rowidSetKey(table);
        Collation[] coll = new Collation[width];
        boolean[] desc = new boolean[width];
        for (int j = 0; j < nPk; j++) {
            coll[j] = pkKey.collation(j);
            desc[j] = pkKey.descending(j);
        }
        p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, width, 0, new dev.skerry.engine.btree.KeyInfo(width, coll, desc));
        sc.compile(select, null, (regs, n) -> {
            int entry = p.regs(width);
            p.v.addOp(Opcode.COPY, regs, entry, nPk - 1);
            p.v.addOp(Opcode.MAKE_RECORD, regs, nPk, entry + nPk);
            p.v.addOp(Opcode.COPY, regs + nPk, entry + nPk + 1, nSets - 1);
            p.v.addOp(Opcode.IDX_DELETE, eph, entry, nPk);
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, entry, width, rec);
            p.v.addOp(Opcode.IDX_INSERT, eph, rec);
        });
    }

    /**
     * The source reading the stored values of {@link #collect}'s cursor for {@code table}: the value of
     * assignment k-1 is named {@code vk}.
     */
    static Source source(Table table, int cursor, int nSets) {
        int field = WithoutRowidCoder.rowidField(table);
        int width = field + 1 + nSets;
        String[] names = new String[width];
        char[] aff = new char[width];
        Collation[] coll = new Collation[width];
        for (int i = 0; i < width; i++) {
            names[i] = i < field ? "k" + i : "v" + (i - field);
            aff[i] = Affinity.BLOB;
            coll[i] = Collation.BINARY;
        }
        return new Source(NAME, names, aff, coll, new String[width], cursor);
    }

    /** The expression reading the stored value of assignment {@code k}. */
    static Expr value(int k) {
        return new Expr.ColumnRef(null, name(NAME), name("v" + (k + 1)), 0, 0);
    }

    private static Name name(String text) {
        return new Name(text, Name.Quote.NONE, 0, 0);
    }
}
