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
 */
final class UpdateFrom {
    /** The name of the stored values' source: no SQL name can be written so without quotes. */
    static final String NAME = "(update-from)";

    private UpdateFrom() {
    }

    /**
     * Emits the join; returns the ephemeral table: column 0 the target rowid, column k+1 the value of
     * {@code sets.get(k)} (single-column assignments).
     */
    static int collect(Parse p, SelectCoder sc, Table table, Stmt.Update upd, List<SetClause> sets)
            throws SqliteException {
        if (table.withoutRowid()) {
            // The rows to change are kept in a table keyed by rowid, which a WITHOUT ROWID row does not have.
            throw SqliteException.error("UPDATE ... FROM on a WITHOUT ROWID table is not supported");
        }
        String target = upd.alias() != null ? upd.alias().text() : table.name();
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(new ResultColumn.Column(new Expr.ColumnRef(null, name(target), name("rowid"), 0, 0), null, 0, 0));
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
        p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, columns.size());
        sc.compile(select, null, (regs, n) -> {
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
            p.v.addOp(Opcode.INSERT, eph, rec, regs);
        });
        return eph;
    }

    /** The source reading the stored values of {@link #collect}'s table: column k+1 is named {@code vk}. */
    static Source source(int cursor, int nSets) {
        String[] names = new String[nSets + 1];
        char[] aff = new char[nSets + 1];
        Collation[] coll = new Collation[nSets + 1];
        for (int k = 0; k <= nSets; k++) {
            names[k] = "v" + k;
            aff[k] = Affinity.BLOB;
            coll[k] = Collation.BINARY;
        }
        return new Source(NAME, names, aff, coll, new String[nSets + 1], cursor);
    }

    /** The expression reading the stored value of assignment {@code k}. */
    static Expr value(int k) {
        return new Expr.ColumnRef(null, name(NAME), name("v" + (k + 1)), 0, 0);
    }

    private static Name name(String text) {
        return new Name(text, Name.Quote.NONE, 0, 0);
    }
}
