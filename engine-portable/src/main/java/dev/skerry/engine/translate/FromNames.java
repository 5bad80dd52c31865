package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Limit;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.parser.ast.With;
import java.util.List;

/**
 * Walks the parse tree of a query or a data-changing statement through every SELECT nested in it (FROM
 * subqueries, subqueries in expressions, CTE queries) and reports each table it names: in a FROM clause, as a
 * table-valued function, or after {@code IN}. The subclass decides what a name means: {@link DbFixer} checks
 * its database, {@link CteUses} counts the uses of the CTEs of a WITH clause.
 *
 * <p>Each SELECT is announced by {@link #enter} before its WITH clause and body are walked, and by
 * {@link #leave} after; a subclass tracking scopes (a CTE hidden by an inner one of the same name) does it there.
 */
abstract class FromNames {
    /** A table named {@code name}; {@code function} when it is called as a table-valued function. */
    abstract void table(QualifiedName name, boolean function) throws SqliteException;

    /** Before {@code select}'s WITH clause and body are walked. */
    void enter(Select select) {
    }

    /** After {@code select} was walked. */
    void leave(Select select) {
    }

    /** Walks {@code select} (may be null), its WITH clause included. */
    final void select(Select select) throws SqliteException {
        if (select == null) {
            return;
        }
        enter(select);
        with(select.with());
        selectBody(select);
        leave(select);
    }

    /** Walks the queries of the CTEs of {@code with} (may be null). */
    final void with(With with) throws SqliteException {
        if (with != null) {
            for (With.Cte cte : with.ctes()) {
                select(cte.select());
            }
        }
    }

    /** Walks {@code select} without its WITH clause. */
    final void selectBody(Select select) throws SqliteException {
        for (SelectCore core : select.cores()) {
            if (core instanceof SelectCore.Query) {
                SelectCore.Query q = (SelectCore.Query) core;
                resultColumns(q.columns());
                from(q.from());
                expr(q.where());
                exprs(q.groupBy());
                expr(q.having());
            } else {
                for (List<Expr> row : ((SelectCore.Values) core).rows()) {
                    exprs(row);
                }
            }
        }
        orderBy(select.orderBy());
        limit(select.limit());
    }

    /** Walks an INSERT without its WITH clause. */
    final void insertBody(Stmt.Insert ins) throws SqliteException {
        select(ins.select());
        if (ins.upserts() != null) {
            for (Upsert u : ins.upserts()) {
                expr(u.targetWhere());
                sets(u.sets());
                expr(u.where());
            }
        }
        resultColumns(ins.returning());
    }

    /** Walks an UPDATE without its WITH clause. */
    final void updateBody(Stmt.Update upd) throws SqliteException {
        sets(upd.sets());
        from(upd.from());
        expr(upd.where());
        resultColumns(upd.returning());
        orderBy(upd.orderBy());
        limit(upd.limit());
    }

    /** Walks a DELETE without its WITH clause. */
    final void deleteBody(Stmt.Delete del) throws SqliteException {
        expr(del.where());
        resultColumns(del.returning());
        orderBy(del.orderBy());
        limit(del.limit());
    }

    private void limit(Limit limit) throws SqliteException {
        if (limit != null) {
            expr(limit.limit());
            expr(limit.offset());
        }
    }

    private void sets(List<SetClause> sets) throws SqliteException {
        if (sets != null) {
            for (SetClause s : sets) {
                expr(s.value());
            }
        }
    }

    private void resultColumns(List<ResultColumn> columns) throws SqliteException {
        if (columns != null) {
            for (ResultColumn rc : columns) {
                if (rc instanceof ResultColumn.Column) {
                    expr(((ResultColumn.Column) rc).expr());
                }
            }
        }
    }

    private void orderBy(List<OrderingTerm> terms) throws SqliteException {
        if (terms != null) {
            for (OrderingTerm o : terms) {
                expr(o.expr());
            }
        }
    }

    private void from(FromClause from) throws SqliteException {
        if (from == null) {
            return;
        }
        item(from.first());
        for (FromClause.Join j : from.joins()) {
            item(j.right());
            expr(j.on());
        }
    }

    private void item(TableOrSubquery item) throws SqliteException {
        if (item instanceof TableOrSubquery.Table) {
            table(((TableOrSubquery.Table) item).name(), false);
        } else if (item instanceof TableOrSubquery.TableFunction) {
            table(((TableOrSubquery.TableFunction) item).name(), true);
            exprs(((TableOrSubquery.TableFunction) item).args());
        } else if (item instanceof TableOrSubquery.Subquery) {
            select(((TableOrSubquery.Subquery) item).select());
        } else if (item instanceof TableOrSubquery.Nested) {
            from(((TableOrSubquery.Nested) item).from());
        }
    }

    private void exprs(List<Expr> list) throws SqliteException {
        if (list != null) {
            for (Expr e : list) {
                expr(e);
            }
        }
    }

    private void expr(Expr e) throws SqliteException {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.InSelect) {
            select(((Expr.InSelect) e).select());
        } else if (e instanceof Expr.Exists) {
            select(((Expr.Exists) e).select());
        } else if (e instanceof Expr.Subquery) {
            select(((Expr.Subquery) e).select());
        } else if (e instanceof Expr.InTable) {
            table(((Expr.InTable) e).table(), false);
        }
        for (Expr child : Exprs.children(e)) {
            expr(child);
        }
    }
}
