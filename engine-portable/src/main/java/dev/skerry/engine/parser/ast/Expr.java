package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * An expression. Each kind is a nested record; all carry their source span (see {@link Node}). The span of
 * a parenthesised expression is that of the expression inside the parentheses.
 */
public interface Expr extends Node {

    /** Kinds of {@link Literal}. */
    enum LiteralKind {
        /** Decimal or hexadecimal integer token (may still overflow to REAL: SQLite decides when compiling). */
        INTEGER,
        /** A number with a fraction or exponent. */
        FLOAT,
        STRING,
        BLOB,
        NULL,
        CURRENT_TIME,
        CURRENT_DATE,
        CURRENT_TIMESTAMP
    }

    /**
     * A literal. {@code value} is: for INTEGER and FLOAT the token without digit separators ({@code 1_000}
     * gives {@code 1000}, {@code 0x1F} stays {@code 0x1F}); for STRING the content with {@code ''} unescaped;
     * for BLOB the hex digits between {@code x'} and {@code '}; for the others the keyword in upper case.
     * The literal as written is its source span. {@code TRUE} and {@code FALSE} are not literals here: as in
     * SQLite they are identifiers ({@link ColumnRef}) that the resolver turns into 1/0 when no column has
     * that name.
     */
    record Literal(LiteralKind kind, String value, int start, int end) implements Expr {
    }

    /**
     * A column reference {@code [schema.][table.]column}.
     *
     * @param schema {@code null} unless three parts were written
     * @param table  {@code null} unless at least two parts were written
     */
    record ColumnRef(Name schema, Name table, Name column, int start, int end) implements Expr {
    }

    /**
     * A bound parameter. {@code token} is as written ({@code ?}, {@code ?3}, {@code :name}, {@code @name},
     * {@code $name}); {@code index} is its 1-based number by SQLite's rules: {@code ?} takes one more than the
     * largest number so far, {@code ?NNN} takes NNN, a named parameter takes the number of its first
     * occurrence or else the next number.
     */
    record Param(String token, int index, int start, int end) implements Expr {
    }

    /** Prefix operators. */
    enum UnaryOp {
        /** {@code -x} */
        NEGATE,
        /** {@code +x} (no-op on the value, but removes affinity/column identity as in SQLite) */
        PLUS,
        /** {@code ~x} */
        BIT_NOT,
        /** {@code NOT x} */
        NOT
    }

    record Unary(UnaryOp op, Expr operand, int start, int end) implements Expr {
    }

    /** Binary operators (LIKE, BETWEEN, IN and IS NULL have their own records). */
    enum BinaryOp {
        OR, AND,
        EQ, NE, IS, IS_NOT,
        LT, LE, GT, GE,
        BIT_AND, BIT_OR, LSHIFT, RSHIFT,
        ADD, SUBTRACT,
        MULTIPLY, DIVIDE, REMAINDER,
        CONCAT,
        /** {@code ->} */
        JSON_ARROW,
        /** {@code ->>} */
        JSON_ARROW2
    }

    /**
     * A binary operator. {@code ==} is {@link BinaryOp#EQ}, {@code <>} is {@link BinaryOp#NE},
     * {@code IS NOT DISTINCT FROM} is {@link BinaryOp#IS} and {@code IS DISTINCT FROM} is {@link BinaryOp#IS_NOT}.
     */
    record Binary(BinaryOp op, Expr left, Expr right, int start, int end) implements Expr {
    }

    /** The pattern-matching operators. */
    enum LikeOp {
        LIKE, GLOB, REGEXP, MATCH
    }

    /** {@code left [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}; {@code escape} may be null. */
    record Like(LikeOp op, boolean not, Expr left, Expr pattern, Expr escape, int start, int end) implements Expr {
    }

    /** {@code operand [NOT] BETWEEN low AND high}. */
    record Between(boolean not, Expr operand, Expr low, Expr high, int start, int end) implements Expr {
    }

    /** {@code operand [NOT] IN (v1, v2, ...)}; the list may be empty ({@code x IN ()} is legal in SQLite). */
    record InList(boolean not, Expr operand, List<Expr> values, int start, int end) implements Expr {
    }

    /** {@code operand [NOT] IN (select)}. */
    record InSelect(boolean not, Expr operand, Select select, int start, int end) implements Expr {
    }

    /**
     * {@code operand [NOT] IN [schema.]table} or {@code operand [NOT] IN [schema.]func(args)}.
     *
     * @param args the table-valued function's arguments, or {@code null} for a plain table
     */
    record InTable(boolean not, Expr operand, QualifiedName table, List<Expr> args, int start, int end)
            implements Expr {
    }

    /** {@code operand ISNULL}, {@code operand IS NULL} (not = false) and {@code NOTNULL}, {@code NOT NULL} (not = true). */
    record IsNull(boolean not, Expr operand, int start, int end) implements Expr {
    }

    /** One {@code WHEN when THEN then} arm of a {@link Case}. */
    record WhenThen(Expr when, Expr then) {
    }

    /** {@code CASE [base] WHEN .. THEN .. [ELSE elseExpr] END}; {@code base} and {@code elseExpr} may be null. */
    record Case(Expr base, List<WhenThen> whens, Expr elseExpr, int start, int end) implements Expr {
    }

    /** {@code CAST(operand AS type)}. */
    record Cast(Expr operand, TypeName type, int start, int end) implements Expr {
    }

    /** {@code operand COLLATE collation}; {@code collation} is the dequoted name as written. */
    record Collate(Expr operand, Name collation, int start, int end) implements Expr {
    }

    /** {@code EXISTS (select)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
    record Exists(Select select, int start, int end) implements Expr {
    }

    /** A scalar subquery {@code (select)}. */
    record Subquery(Select select, int start, int end) implements Expr {
    }

    /** A row value {@code (a, b, ...)} of two or more expressions. */
    record RowValue(List<Expr> values, int start, int end) implements Expr {
    }

    /**
     * The window of an {@code OVER} clause: either a window name ({@code OVER w}) or a definition
     * ({@code OVER (...)}); exactly one is non-null.
     */
    record Over(Name windowName, WindowDef definition) {
    }

    /**
     * A function call {@code name([DISTINCT] args [ORDER BY ...])} or {@code name(*)}, with optional
     * {@code FILTER (WHERE filter)} and {@code OVER ...}.
     *
     * @param star    true for {@code name(*)} (then {@code args} is empty)
     * @param orderBy the ORDER BY inside the parentheses of an aggregate, empty if none
     * @param filter  the FILTER expression, or null
     * @param over    the window, or null
     */
    record FunctionCall(Name name, boolean distinct, boolean star, List<Expr> args, List<OrderingTerm> orderBy,
                        Expr filter, Over over, int start, int end) implements Expr {
    }

    /** The first argument of RAISE. */
    enum RaiseAction {
        IGNORE, ROLLBACK, ABORT, FAIL
    }

    /** {@code RAISE(action[, message])}; {@code message} is null for IGNORE. */
    record Raise(RaiseAction action, Expr message, int start, int end) implements Expr {
    }
}
