package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.parser.ast.With;
import dev.skerry.engine.schema.Schema;
import java.util.List;

/**
 * SQLite's {@code DbFixer} for CREATE VIEW: a view stored outside the TEMP database may name, in its query and
 * its subqueries, only tables of its own database ({@code view V cannot reference objects in database D}, the
 * database as written). Stateless apart from the view it checks; one instance checks one view.
 */
final class DbFixer {
    private final Schema schema;
    private final int iDb;
    private final String kind;
    private final String name;

    /** A fixer for object {@code name} of type {@code kind} ("view") stored in database {@code iDb}. */
    DbFixer(Schema schema, int iDb, String kind, String name) {
        this.schema = schema;
        this.iDb = iDb;
        this.kind = kind;
        this.name = name;
    }

    /** Checks {@code select}; nothing for an object of the TEMP database, which may name any database. */
    void select(Select select) throws SqliteException {
        if (iDb == 1 || select == null) {
            return;
        }
        if (select.with() != null) {
            for (With.Cte cte : select.with().ctes()) {
                select(cte.select());
            }
        }
        for (SelectCore core : select.cores()) {
            if (core instanceof SelectCore.Query) {
                SelectCore.Query q = (SelectCore.Query) core;
                for (ResultColumn rc : q.columns()) {
                    if (rc instanceof ResultColumn.Column) {
                        expr(((ResultColumn.Column) rc).expr());
                    }
                }
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
        if (select.orderBy() != null) {
            for (OrderingTerm o : select.orderBy()) {
                expr(o.expr());
            }
        }
        if (select.limit() != null) {
            expr(select.limit().limit());
            expr(select.limit().offset());
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
            table(((TableOrSubquery.Table) item).name());
        } else if (item instanceof TableOrSubquery.TableFunction) {
            table(((TableOrSubquery.TableFunction) item).name());
            exprs(((TableOrSubquery.TableFunction) item).args());
        } else if (item instanceof TableOrSubquery.Subquery) {
            select(((TableOrSubquery.Subquery) item).select());
        } else if (item instanceof TableOrSubquery.Nested) {
            from(((TableOrSubquery.Nested) item).from());
        }
    }

    private void table(QualifiedName q) throws SqliteException {
        if (q.schema() != null && schema.findDatabase(q.schema().text()) != iDb) {
            throw SqliteException.error(kind + " " + name + " cannot reference objects in database "
                    + q.schema().text());
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
            table(((Expr.InTable) e).table());
        }
        for (Expr child : Exprs.children(e)) {
            expr(child);
        }
    }
}
