package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-value assignments of UPDATE and upsert ({@code SET (a, b) = (x, y)}, {@code SET (a, b) = (SELECT ...)}),
 * turned into one assignment per column as SQLite's parser does ({@code sqlite3ExprForVectorField}): the
 * k-th value of a row value, or the k-th column of the subquery's first row (here a subquery per column,
 * {@code WITH "(set)"(c1, ..., cn) AS (query) SELECT ck FROM "(set)"}, each evaluated for the row). SQLite's
 * error when the numbers of columns and values differ.
 */
final class RowValueSets {
    /** The name of the wrapping CTE: no SQL name can be written so without quotes, and none is visible. */
    private static final String WRAPPER = "(set)";

    private RowValueSets() {
    }

    /** {@code sets} with every multi-column assignment split into single-column ones. */
    static List<SetClause> split(List<SetClause> sets) throws SqliteException {
        boolean any = false;
        for (SetClause s : sets) {
            any |= s.columns().size() != 1;
        }
        if (!any) {
            return sets;
        }
        List<SetClause> out = new ArrayList<>();
        for (SetClause s : sets) {
            int n = s.columns().size();
            if (n == 1) {
                out.add(s);
                continue;
            }
            Expr v = s.value();
            if (v instanceof Expr.RowValue rv) {
                check(n, rv.values().size());
                for (int k = 0; k < n; k++) {
                    out.add(new SetClause(List.of(s.columns().get(k)), rv.values().get(k)));
                }
            } else if (v instanceof Expr.Subquery sq) {
                int width = width(sq.select());
                if (width >= 0) {
                    check(n, width);
                }
                for (int k = 0; k < n; k++) {
                    out.add(new SetClause(List.of(s.columns().get(k)), column(sq, n, k)));
                }
            } else {
                check(n, 1);
            }
        }
        return out;
    }

    private static void check(int columns, int values) throws SqliteException {
        if (columns != values) {
            throw SqliteException.error(columns + " columns assigned " + values + " values");
        }
    }

    /** The number of result columns of {@code sel} when its first core names them without {@code *}, else -1. */
    static int width(Select sel) {
        SelectCore first = sel.cores().get(0);
        if (first instanceof SelectCore.Values values) {
            return values.rows().get(0).size();
        }
        SelectCore.Query q = (SelectCore.Query) first;
        for (ResultColumn rc : q.columns()) {
            if (!(rc instanceof ResultColumn.Column)) {
                return -1;
            }
        }
        return q.columns().size();
    }

    /** Column {@code k} of the first row of {@code sq}, which has {@code n} columns. */
    private static Expr column(Expr.Subquery sq, int n, int k) {
        Name cteName = name(WRAPPER);
        List<Name> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(name("c" + (i + 1)));
        }
        With with = new With(false, List.of(new With.Cte(cteName, cols, null, sq.select())));
        SelectCore.Query q = new SelectCore.Query(false,
                List.of(new ResultColumn.Column(new Expr.ColumnRef(null, null, cols.get(k), 0, 0), null, 0, 0)),
                new FromClause(new TableOrSubquery.Table(
                        new dev.skerry.engine.parser.ast.QualifiedName(null, cteName), null, null, false), List.of()),
                null, List.of(), null, List.of());
        return new Expr.Subquery(new Select(with, List.of(q), List.of(), List.of(), null, 0, 0), sq.start(), sq.end());
    }

    /** True for the CTE {@link #split} wraps a subquery in (its column-count error is SQLite's for SET). */
    static boolean isWrapper(With.Cte cte) {
        return cte.name().text().equals(WRAPPER);
    }

    private static Name name(String text) {
        return new Name(text, Name.Quote.NONE, 0, 0);
    }
}
