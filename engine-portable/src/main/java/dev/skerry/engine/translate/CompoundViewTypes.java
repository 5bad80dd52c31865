package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * The column affinities of a compound view as SQLite's {@code sqlite3SubqueryColTypeAffinity} gives them
 * (what {@code PRAGMA table_info} shows): the leftmost arm's affinity, or the first arm's to the right that
 * has one; an affinity of TEXT or above becomes BLOB when a later arm's value may be of another kind
 * ({@code sqlite3ExprDataType}: a number for TEXT, text for NUMERIC and above); a CAST to a numeric type in
 * the leftmost arm is FLEXNUM. Each arm is compiled alone for its expressions' affinities. Where the data
 * type of an arm's value depends on an affinity the arm's result does not carry (a column under unary
 * {@code +} or inside CASE, a name that may be a string), the view is refused with an error instead.
 */
final class CompoundViewTypes {
    /** SQLite's SQLITE_AFF_FLEXNUM: shown as NUM. */
    static final char FLEXNUM = 'F';

    private CompoundViewTypes() {
    }

    /** The affinity of each column of {@code sel} (a compound), the leftmost arm's names and types aside. */
    static char[] affinities(Parse scratch, Select sel, int n) throws SqliteException {
        List<SelectCore> arms = new ArrayList<>();
        for (SelectCore core : sel.cores()) {
            if (core instanceof SelectCore.Values v && v.rows().size() > 1) {
                for (List<Expr> row : v.rows()) {
                    arms.add(new SelectCore.Values(List.of(row)));
                }
            } else {
                arms.add(core);
            }
        }
        char[][] affs = new char[arms.size()][];
        for (int k = 0; k < arms.size(); k++) {
            Select one = new Select(sel.with(), List.of(arms.get(k)), List.of(), List.of(), null, sel.start(),
                    sel.end());
            affs[k] = new SelectCoder(scratch).compile(one, null, (first, cnt) -> { }).affinities;
        }
        char[] out = new char[n];
        for (int c = 0; c < n; c++) {
            int m = 0;
            int k = 0;
            char aff = affs[0][c];
            while (aff <= Affinity.NONE && k + 1 < arms.size()) {
                m |= dataType(expr(arms.get(k), c, n), affs[k][c]);
                k++;
                aff = affs[k][c];
            }
            if (aff >= Affinity.TEXT) {
                for (int j = k + 1; j < arms.size(); j++) {
                    m |= dataType(expr(arms.get(j), c, n), affs[j][c]);
                }
                if (aff == Affinity.TEXT && (m & 1) != 0) {
                    aff = Affinity.BLOB;
                } else if (aff >= Affinity.NUMERIC && (m & 2) != 0) {
                    aff = Affinity.BLOB;
                }
                if (aff >= Affinity.NUMERIC && expr(arms.get(0), c, n) instanceof Expr.Cast) {
                    aff = FLEXNUM;
                }
            }
            out[c] = aff;
        }
        return out;
    }

    /** The expression of result column {@code c} of an arm, or null when it comes from a {@code *}. */
    private static Expr expr(SelectCore core, int c, int n) throws SqliteException {
        if (core instanceof SelectCore.Values v) {
            return v.rows().get(0).get(c);
        }
        List<ResultColumn> cols = ((SelectCore.Query) core).columns();
        int stars = 0;
        for (ResultColumn rc : cols) {
            if (!(rc instanceof ResultColumn.Column)) {
                stars++;
            }
        }
        if (stars > 1) {
            throw unsupported();
        }
        int width = n - (cols.size() - stars);
        int at = 0;
        for (ResultColumn rc : cols) {
            int w = rc instanceof ResultColumn.Column ? 1 : width;
            if (c < at + w) {
                return rc instanceof ResultColumn.Column col ? col.expr() : null;
            }
            at += w;
        }
        throw unsupported();
    }

    /**
     * {@code sqlite3ExprDataType} of an arm's result expression {@code e} whose affinity is {@code aff}: bit 1
     * a number, bit 2 text, bit 4 a blob may come out of it.
     */
    private static int dataType(Expr e, char aff) throws SqliteException {
        Expr x = e;
        while (x instanceof Expr.Collate col) {
            x = col.operand();
        }
        if (x == null || x instanceof Expr.ColumnRef || x instanceof Expr.Subquery) {
            if (x instanceof Expr.ColumnRef && aff <= Affinity.NONE) {
                throw unsupported();
            }
            return byAffinity(aff);
        }
        return dataType(x, 0);
    }

    private static int dataType(Expr x, int depth) throws SqliteException {
        if (depth > 1000) {
            throw SqliteException.error("Expression tree is too large (maximum depth 1000)");
        }
        while (x instanceof Expr.Collate || x instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS) {
            x = x instanceof Expr.Collate col ? col.operand() : ((Expr.Unary) x).operand();
        }
        if (x instanceof Expr.Literal lit) {
            switch (lit.kind()) {
                case NULL:
                    return 0;
                case STRING:
                    return 2;
                case BLOB:
                    return 4;
                case INTEGER:
                case FLOAT:
                    return 1;
                default:
                    return 7;
            }
        }
        if (x instanceof Expr.Binary b && b.op() == Expr.BinaryOp.CONCAT) {
            return 6;
        }
        if (x instanceof Expr.Param || x instanceof Expr.FunctionCall) {
            return 7;
        }
        if (x instanceof Expr.Cast cast) {
            return byAffinity(Affinity.fromDeclaredType(cast.type().text()));
        }
        if (x instanceof Expr.Case cs) {
            int res = 0;
            for (Expr.WhenThen w : cs.whens()) {
                res |= dataType(w.then(), depth + 1);
            }
            if (cs.elseExpr() != null) {
                res |= dataType(cs.elseExpr(), depth + 1);
            }
            return res;
        }
        if (x instanceof Expr.ColumnRef || x instanceof Expr.Subquery) {
            throw unsupported();
        }
        return 1;
    }

    private static int byAffinity(char aff) {
        return aff >= Affinity.NUMERIC ? 5 : aff == Affinity.TEXT ? 6 : 7;
    }

    private static SqliteException unsupported() {
        return SqliteException.error("PRAGMA table_info of this compound view is not supported");
    }
}
