package dev.skerry.engine.parser;

import dev.skerry.engine.parser.ast.Expr;

import java.util.List;

/** Prints an expression fully parenthesised, to make the parser's grouping visible in tests. */
final class ExprPrinter {
    private ExprPrinter() {
    }

    static String print(Expr e) {
        if (e == null) {
            return "null";
        }
        if (e instanceof Expr.Literal) {
            Expr.Literal l = (Expr.Literal) e;
            return l.kind() == Expr.LiteralKind.STRING ? "'" + l.value() + "'" : l.value();
        }
        if (e instanceof Expr.ColumnRef) {
            Expr.ColumnRef c = (Expr.ColumnRef) e;
            return (c.schema() == null ? "" : c.schema().text() + ".") + (c.table() == null ? "" : c.table().text() + ".")
                + c.column().text();
        }
        if (e instanceof Expr.Param) {
            return ((Expr.Param) e).token() + "#" + ((Expr.Param) e).index();
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            return "(" + u.op() + " " + print(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            return "(" + print(b.left()) + " " + b.op() + " " + print(b.right()) + ")";
        }
        if (e instanceof Expr.Like) {
            Expr.Like l = (Expr.Like) e;
            return "(" + print(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + print(l.pattern())
                + (l.escape() == null ? "" : " ESCAPE " + print(l.escape())) + ")";
        }
        if (e instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) e;
            return "(" + print(b.operand()) + (b.not() ? " NOT" : "") + " BETWEEN " + print(b.low()) + " AND "
                + print(b.high()) + ")";
        }
        if (e instanceof Expr.InList) {
            Expr.InList i = (Expr.InList) e;
            return "(" + print(i.operand()) + (i.not() ? " NOT" : "") + " IN " + list(i.values()) + ")";
        }
        if (e instanceof Expr.InSelect) {
            Expr.InSelect i = (Expr.InSelect) e;
            return "(" + print(i.operand()) + (i.not() ? " NOT" : "") + " IN (select))";
        }
        if (e instanceof Expr.InTable) {
            Expr.InTable i = (Expr.InTable) e;
            return "(" + print(i.operand()) + (i.not() ? " NOT" : "") + " IN " + i.table()
                + (i.args() == null ? "" : list(i.args())) + ")";
        }
        if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            return "(" + print(n.operand()) + (n.not() ? " NOTNULL" : " ISNULL") + ")";
        }
        if (e instanceof Expr.Collate) {
            Expr.Collate c = (Expr.Collate) e;
            return "(" + print(c.operand()) + " COLLATE " + c.collation().text() + ")";
        }
        if (e instanceof Expr.Cast) {
            Expr.Cast c = (Expr.Cast) e;
            return "CAST(" + print(c.operand()) + " AS " + (c.type() == null ? "" : c.type().text()) + ")";
        }
        if (e instanceof Expr.RowValue) {
            return list(((Expr.RowValue) e).values());
        }
        if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall f = (Expr.FunctionCall) e;
            return f.name().text() + (f.star() ? "(*)" : (f.distinct() ? "(DISTINCT " : "(")
                + list(f.args()).substring(1));
        }
        if (e instanceof Expr.Case) {
            Expr.Case c = (Expr.Case) e;
            StringBuilder b = new StringBuilder("CASE");
            if (c.base() != null) {
                b.append(' ').append(print(c.base()));
            }
            for (Expr.WhenThen w : c.whens()) {
                b.append(" WHEN ").append(print(w.when())).append(" THEN ").append(print(w.then()));
            }
            if (c.elseExpr() != null) {
                b.append(" ELSE ").append(print(c.elseExpr()));
            }
            return b.append(" END").toString();
        }
        if (e instanceof Expr.Exists) {
            return "EXISTS(select)";
        }
        if (e instanceof Expr.Subquery) {
            return "(select)";
        }
        if (e instanceof Expr.Raise) {
            Expr.Raise r = (Expr.Raise) e;
            return "RAISE(" + r.action() + (r.message() == null ? "" : ", " + print(r.message())) + ")";
        }
        throw new IllegalArgumentException(e.toString());
    }

    private static String list(List<Expr> es) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(print(es.get(i)));
        }
        return b.append(')').toString();
    }

    /** SQL text for {@code e} with every operator application in parentheses (literal operands only). */
    static String sql(Expr e) {
        if (e instanceof Expr.Literal) {
            Expr.Literal l = (Expr.Literal) e;
            return l.kind() == Expr.LiteralKind.STRING ? "'" + l.value().replace("'", "''") + "'" : l.value();
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            String op = u.op() == Expr.UnaryOp.NOT ? "NOT " : u.op() == Expr.UnaryOp.NEGATE ? "- "
                : u.op() == Expr.UnaryOp.PLUS ? "+ " : "~ ";
            return "(" + op + sql(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            return "(" + sql(b.left()) + " " + SQL_OPS[b.op().ordinal()] + " " + sql(b.right()) + ")";
        }
        if (e instanceof Expr.Like) {
            Expr.Like l = (Expr.Like) e;
            return "(" + sql(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + sql(l.pattern())
                + (l.escape() == null ? "" : " ESCAPE " + sql(l.escape())) + ")";
        }
        if (e instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) e;
            return "(" + sql(b.operand()) + (b.not() ? " NOT" : "") + " BETWEEN " + sql(b.low()) + " AND "
                + sql(b.high()) + ")";
        }
        if (e instanceof Expr.InList) {
            Expr.InList i = (Expr.InList) e;
            StringBuilder b = new StringBuilder("(" + sql(i.operand()) + (i.not() ? " NOT" : "") + " IN (");
            for (int j = 0; j < i.values().size(); j++) {
                b.append(j > 0 ? ", " : "").append(sql(i.values().get(j)));
            }
            return b.append("))").toString();
        }
        if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            return "(" + sql(n.operand()) + (n.not() ? " NOTNULL)" : " ISNULL)");
        }
        if (e instanceof Expr.Collate) {
            Expr.Collate c = (Expr.Collate) e;
            return "(" + sql(c.operand()) + " COLLATE " + c.collation().text() + ")";
        }
        if (e instanceof Expr.Cast) {
            Expr.Cast c = (Expr.Cast) e;
            return "CAST(" + sql(c.operand()) + " AS " + c.type().text() + ")";
        }
        throw new IllegalArgumentException(e.toString());
    }

    private static final String[] SQL_OPS = {
        "OR", "AND", "=", "<>", "IS", "IS NOT", "<", "<=", ">", ">=", "&", "|", "<<", ">>", "+", "-", "*", "/",
        "%", "||", "->", "->>",
    };
}
