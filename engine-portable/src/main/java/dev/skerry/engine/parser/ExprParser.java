package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.NullsOrder;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.TypeName;
import dev.skerry.engine.parser.ast.WindowDef;

import java.util.ArrayList;
import java.util.List;

import static dev.skerry.engine.parser.TokenType.*;

/**
 * Expressions by precedence climbing, with SQLite's operator precedence (parse.y, lowest first):
 * OR; AND; NOT; {@code = == != <> IS IN LIKE GLOB MATCH REGEXP BETWEEN ISNULL NOTNULL}; {@code < <= > >=};
 * ESCAPE; {@code & | << >>}; {@code + -}; {@code * / %}; {@code || -> ->>}; COLLATE; unary {@code - + ~}.
 * A prefix operator's operand extends as far as that operator's own precedence allows (as in an LR parser),
 * and the low operand of BETWEEN is a whole expression except for a top-level AND.
 *
 * <p>Heights: after each expression method returns, {@link #h} holds the height of the tree returned, as
 * SQLite counts it ({@code exprSetHeight}); binary and prefix operators check it against
 * {@link #MAX_EXPR_DEPTH} as {@code sqlite3PExpr} does.
 */
abstract class ExprParser extends ParserBase {
    private static final int P_OR = 1;
    private static final int P_AND = 2;
    private static final int P_NOT = 3;
    private static final int P_EQ = 4;
    private static final int P_CMP = 5;
    private static final int P_ESCAPE = 6;
    private static final int P_BIT = 7;
    private static final int P_ADD = 8;
    private static final int P_MUL = 9;
    private static final int P_CONCAT = 10;
    private static final int P_COLLATE = 11;
    private static final int P_UNARY = 12;

    /** SQLITE_MAX_FUNCTION_ARG of the reference build (sqlite-jdbc): at most 100 arguments. */
    static final int MAX_FUNCTION_ARG = 100;

    /** Height of the expression last returned. */
    int h;
    /** Largest height among the expressions of the SELECT being parsed ({@code heightOfSelect}). */
    int selectHeight;

    ExprParser(String sql, int offset) {
        super(sql, offset);
    }

    /** Parses a SELECT (see {@link SelectParser}). */
    abstract Select select() throws SqliteException;

    /** True when the current token starts a SELECT (SELECT, VALUES or WITH). */
    final boolean atSelect(int k) {
        int t = type(k);
        return t == SELECT || t == VALUES || t == WITH;
    }

    final Expr expr() throws SqliteException {
        Expr e = exprAt(P_OR, false);
        if (h > selectHeight) {
            selectHeight = h;
        }
        return e;
    }

    private int checkHeight(int height) {
        if (height > MAX_EXPR_DEPTH) {
            deferError("Expression tree is too large (maximum depth " + MAX_EXPR_DEPTH + ")");
        }
        return height;
    }

    private static int infixPrecedence(int t) {
        switch (t) {
            case OR:
                return P_OR;
            case AND:
                return P_AND;
            case EQ: case NE: case IS: case IN: case LIKE: case GLOB: case REGEXP: case MATCH: case BETWEEN:
            case ISNULL: case NOTNULL: case NOT:
                return P_EQ;
            case LT: case LE: case GT: case GE:
                return P_CMP;
            case BITAND: case BITOR: case LSHIFT: case RSHIFT:
                return P_BIT;
            case PLUS: case MINUS:
                return P_ADD;
            case STAR: case SLASH: case REM:
                return P_MUL;
            case CONCAT: case PTR:
                return P_CONCAT;
            case COLLATE:
                return P_COLLATE;
            default:
                return 0;
        }
    }

    /**
     * An expression whose operators all bind at least as tightly as {@code minPrec}. Prefix operators are
     * gathered iteratively (a chain of a thousand {@code -} or NOT must not nest Java calls): each one's
     * operand is the expression that follows it with that operator's own precedence, as an LR parser builds it.
     */
    private Expr exprAt(int minPrec, boolean stopAtAnd) throws SqliteException {
        enter();
        int[] ops = null;
        int[] opStarts = null;
        int k = 0;
        for (;;) {
            int t = peek();
            if (t != NOT && t != MINUS && t != PLUS && t != BITNOT) {
                break;
            }
            if (ops == null) {
                ops = new int[4];
                opStarts = new int[4];
            } else if (k == ops.length) {
                ops = java.util.Arrays.copyOf(ops, k * 2);
                opStarts = java.util.Arrays.copyOf(opStarts, k * 2);
            }
            ops[k] = t;
            opStarts[k] = pos();
            k++;
            advance();
        }
        int st = pos();
        Expr left = primary();
        for (int i = k - 1; i >= 0; i--) {
            int op = ops[i];
            left = infix(left, st, op == NOT ? P_NOT : P_UNARY, false);
            h = checkHeight(h + 1);
            Expr.UnaryOp u = op == NOT ? Expr.UnaryOp.NOT : op == MINUS ? Expr.UnaryOp.NEGATE
                : op == PLUS ? Expr.UnaryOp.PLUS : Expr.UnaryOp.BIT_NOT;
            st = opStarts[i];
            left = new Expr.Unary(u, left, st, lastEnd());
        }
        left = infix(left, st, minPrec, stopAtAnd);
        leave();
        return left;
    }

    /**
     * Applies the infix and postfix operators that follow {@code left} (which began at {@code st} and whose
     * height is {@link #h}) while they bind at least as tightly as {@code minPrec}.
     */
    private Expr infix(Expr left, int st, int minPrec, boolean stopAtAnd) throws SqliteException {
        int lh = h;
        for (;;) {
            int t = peek();
            int prec = infixPrecedence(t);
            if (prec == 0 || prec < minPrec || (stopAtAnd && t == AND)) {
                break;
            }
            advance();
            Expr right;
            switch (t) {
                case OR: case AND: {
                    right = exprAt(prec + 1, false);
                    lh = checkHeight(Math.max(lh, h) + 1);
                    left = new Expr.Binary(t == OR ? Expr.BinaryOp.OR : Expr.BinaryOp.AND, left, right, st, lastEnd());
                    break;
                }
                case IS: {
                    boolean not = accept(NOT);
                    if (accept(DISTINCT)) {
                        expect(FROM);
                        not = !not;
                    }
                    right = exprAt(P_EQ + 1, false);
                    if (right instanceof Expr.Literal && ((Expr.Literal) right).kind() == Expr.LiteralKind.NULL) {
                        lh = checkHeight(lh + 1);
                        left = new Expr.IsNull(not, left, st, lastEnd());
                    } else {
                        lh = checkHeight(Math.max(lh, h) + 1);
                        left = new Expr.Binary(not ? Expr.BinaryOp.IS_NOT : Expr.BinaryOp.IS, left, right, st,
                            lastEnd());
                    }
                    break;
                }
                case ISNULL: case NOTNULL:
                    lh = checkHeight(lh + 1);
                    left = new Expr.IsNull(t == NOTNULL, left, st, lastEnd());
                    break;
                case NOT: {
                    int t2 = peek();
                    if (t2 == NULL) {
                        advance();
                        lh = checkHeight(lh + 1);
                        left = new Expr.IsNull(true, left, st, lastEnd());
                    } else if (t2 == LIKE || t2 == GLOB || t2 == REGEXP || t2 == MATCH || t2 == BETWEEN
                        || t2 == IN) {
                        advance();
                        left = afterComparisonKeyword(t2, true, left, lh, st);
                        lh = h;
                    } else {
                        throw syntaxError();
                    }
                    break;
                }
                case LIKE: case GLOB: case REGEXP: case MATCH: case BETWEEN: case IN:
                    left = afterComparisonKeyword(t, false, left, lh, st);
                    lh = h;
                    break;
                case COLLATE: {
                    Name c = ids();
                    lh = lh + 1;
                    left = new Expr.Collate(left, c, st, lastEnd());
                    break;
                }
                default: {
                    Expr.BinaryOp op = binaryOp(t, lastEnd() - startOf(-1));
                    right = exprAt(prec + 1, false);
                    lh = Math.max(lh, h) + 1;
                    if (t != PTR) {
                        checkHeight(lh);
                    }
                    left = new Expr.Binary(op, left, right, st, lastEnd());
                    break;
                }
            }
        }
        h = lh;
        return left;
    }

    private static Expr.BinaryOp binaryOp(int t, int tokenLength) {
        switch (t) {
            case EQ: return Expr.BinaryOp.EQ;
            case NE: return Expr.BinaryOp.NE;
            case LT: return Expr.BinaryOp.LT;
            case LE: return Expr.BinaryOp.LE;
            case GT: return Expr.BinaryOp.GT;
            case GE: return Expr.BinaryOp.GE;
            case BITAND: return Expr.BinaryOp.BIT_AND;
            case BITOR: return Expr.BinaryOp.BIT_OR;
            case LSHIFT: return Expr.BinaryOp.LSHIFT;
            case RSHIFT: return Expr.BinaryOp.RSHIFT;
            case PLUS: return Expr.BinaryOp.ADD;
            case MINUS: return Expr.BinaryOp.SUBTRACT;
            case STAR: return Expr.BinaryOp.MULTIPLY;
            case SLASH: return Expr.BinaryOp.DIVIDE;
            case REM: return Expr.BinaryOp.REMAINDER;
            case CONCAT: return Expr.BinaryOp.CONCAT;
            default:
                return tokenLength == 3 ? Expr.BinaryOp.JSON_ARROW2 : Expr.BinaryOp.JSON_ARROW;
        }
    }

    /** The rest of LIKE/GLOB/REGEXP/MATCH, BETWEEN or IN after the keyword (and an optional NOT). */
    private Expr afterComparisonKeyword(int t, boolean not, Expr left, int lh, int st) throws SqliteException {
        switch (t) {
            case BETWEEN: {
                Expr low = exprAt(P_OR, true);
                expect(AND);
                Expr high = exprAt(P_EQ + 1, false);
                h = checkHeight(lh + 1) + (not ? 1 : 0);
                checkHeight(h);
                return new Expr.Between(not, left, low, high, st, lastEnd());
            }
            case IN:
                return inRest(not, left, lh, st);
            default: {
                Expr pattern = exprAt(P_EQ + 1, false);
                int hh = Math.max(lh, h);
                Expr escape = null;
                if (accept(ESCAPE)) {
                    escape = exprAt(P_EQ + 1, false);
                    hh = Math.max(hh, h);
                }
                h = hh + 1 + (not ? 1 : 0);
                if (not) {
                    checkHeight(h);
                }
                Expr.LikeOp op = t == LIKE ? Expr.LikeOp.LIKE : t == GLOB ? Expr.LikeOp.GLOB
                    : t == REGEXP ? Expr.LikeOp.REGEXP : Expr.LikeOp.MATCH;
                return new Expr.Like(op, not, left, pattern, escape, st, lastEnd());
            }
        }
    }

    /** Height of the expression tree inside the SELECT that {@link #subselect} last parsed. */
    private int subselectHeight;

    /**
     * Parses a SELECT nested in an expression, through its closing parenthesis. Its expression height starts
     * from zero (the depth limit applies within each SELECT, as in SQLite) and is left in
     * {@link #subselectHeight}; the enclosing SELECT's height is restored.
     */
    private Select subselect() throws SqliteException {
        int saved = selectHeight;
        selectHeight = 0;
        Select s = select();
        subselectHeight = selectHeight;
        selectHeight = saved;
        expect(RP);
        return s;
    }

    /**
     * The list of a row value's {@code IN (...)} as the VALUES query SQLite's parser makes of it
     * ({@code sqlite3ExprListToValues}): each element a row value of the left side's width.
     */
    private Select rowValues(int width, List<Expr> elements, int st) throws SqliteException {
        List<List<Expr>> rows = new ArrayList<>();
        for (Expr e : elements) {
            int n = e instanceof Expr.RowValue rv ? rv.values().size() : 1;
            if (n != width) {
                throw SqliteException.error("IN(...) element has " + n + " term" + (n > 1 ? "s" : "")
                        + " - expected " + width);
            }
            rows.add(((Expr.RowValue) e).values());
        }
        return new Select(null, List.of(new SelectCore.Values(rows)), List.of(), List.of(), null, st, lastEnd());
    }

    private Expr inRest(boolean not, Expr left, int lh, int st) throws SqliteException {
        if (accept(LP)) {
            if (atSelect(0)) {
                Select s = subselect();
                int sh = subselectHeight;
                h = checkHeight(Math.max(lh, sh) + 1 + (not ? 1 : 0));
                return new Expr.InSelect(not, left, s, st, lastEnd());
            }
            List<Expr> values = new ArrayList<>();
            int hh = lh;
            if (peek() != RP) {
                do {
                    values.add(exprAt(P_OR, false));
                    hh = Math.max(hh, h);
                } while (accept(COMMA));
            }
            expect(RP);
            h = checkHeight(hh + 1 + (not ? 1 : 0));
            if (values.size() == 1 && values.get(0) instanceof Expr.Subquery sq) {
                return new Expr.InSelect(not, left, sq.select(), st, lastEnd());
            }
            if (left instanceof Expr.RowValue rv && !values.isEmpty()) {
                return new Expr.InSelect(not, left, rowValues(rv.values().size(), values, st), st, lastEnd());
            }
            return new Expr.InList(not, left, values, st, lastEnd());
        }
        QualifiedName table = qualifiedName();
        List<Expr> args = null;
        if (accept(LP)) {
            args = new ArrayList<>();
            if (peek() != RP) {
                do {
                    args.add(exprAt(P_OR, false));
                } while (accept(COMMA));
            }
            expect(RP);
        }
        h = checkHeight(lh + 2 + (not ? 1 : 0));
        return new Expr.InTable(not, left, table, args, st, lastEnd());
    }

    /** {@code nm [DOT nm]}. */
    final QualifiedName qualifiedName() throws SqliteException {
        Name a = nm();
        if (accept(DOT)) {
            return new QualifiedName(a, nm());
        }
        return new QualifiedName(null, a);
    }

    private Expr literal(Expr.LiteralKind kind, String value) throws SqliteException {
        int st = pos();
        advance();
        h = 1;
        return new Expr.Literal(kind, value, st, lastEnd());
    }

    private Expr primary() throws SqliteException {
        int t = peek();
        int st = pos();
        switch (t) {
            case INTEGER:
                return literal(Expr.LiteralKind.INTEGER, text(0));
            case FLOAT:
                return literal(Expr.LiteralKind.FLOAT, text(0));
            case QNUMBER:
                return qnumber();
            case STRING:
                if (type(1) == DOT) {
                    return columnRef();
                }
                return literal(Expr.LiteralKind.STRING, unquote(st, st + text(0).length(), '\''));
            case BLOB: {
                String tx = text(0);
                return literal(Expr.LiteralKind.BLOB, tx.substring(2, tx.length() - 1));
            }
            case NULL:
                return literal(Expr.LiteralKind.NULL, "NULL");
            case CURRENT_TIME:
                return literal(Expr.LiteralKind.CURRENT_TIME, "CURRENT_TIME");
            case CURRENT_DATE:
                return literal(Expr.LiteralKind.CURRENT_DATE, "CURRENT_DATE");
            case CURRENT_TIMESTAMP:
                return literal(Expr.LiteralKind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP");
            case VARIABLE: {
                String tok = text(0);
                int tokStart = pos();
                advance();
                if (tok.charAt(0) == '#' && tok.length() > 1 && tok.charAt(1) >= '0' && tok.charAt(1) <= '9') {
                    // #N names a VM register in SQLite's internal nested parses only.
                    deferError("near \"" + tok + "\": syntax error", tokStart);
                }
                int idx = assignVariable(tok);
                h = 1;
                return new Expr.Param(tok, idx, st, lastEnd());
            }
            case LP:
                return parenthesized();
            case CAST: {
                advance();
                expect(LP);
                Expr e = exprAt(P_OR, false);
                int hh = h;
                expect(AS);
                TypeName type = peek() == RP ? null : typeToken();
                expect(RP);
                h = hh + 1;
                return new Expr.Cast(e, type, st, lastEnd());
            }
            case EXISTS: {
                advance();
                expect(LP);
                Select s = subselect();
                int sh = subselectHeight;
                h = sh + 1;
                return new Expr.Exists(s, st, lastEnd());
            }
            case CASE:
                return caseExpr();
            case RAISE:
                return raise();
            default:
                if (isIdj(t)) {
                    int t1 = type(1);
                    if (t1 == LP) {
                        return functionCall();
                    }
                    return columnRef();
                }
                throw syntaxError();
        }
    }

    /** A number with digit separators: checked and stripped as {@code sqlite3DequoteNumber} does. */
    final Expr qnumber() throws SqliteException {
        String tx = text(0);
        char[] z = tx.toCharArray();
        boolean hex = z.length > 1 && z[0] == '0' && (z[1] == 'x' || z[1] == 'X');
        boolean isFloat = false;
        String error = null;
        int out = 0;
        for (int i = 0; i < z.length; i++) {
            char c = z[i];
            if (c != '_') {
                z[out++] = c;
                if (c == 'e' || c == 'E' || c == '.') {
                    isFloat = true;
                }
            } else {
                char before = i > 0 ? tx.charAt(i - 1) : 0;
                char after = i + 1 < z.length ? z[i + 1] : 0;
                boolean ok = hex ? Lexer.isHexDigit(before) && Lexer.isHexDigit(after)
                    : before >= '0' && before <= '9' && after >= '0' && after <= '9';
                if (!ok && error == null) {
                    error = "unrecognized token: \"" + new String(z) + "\"";
                }
            }
        }
        String value = new String(z, 0, out);
        Expr e = literal(isFloat && !hex ? Expr.LiteralKind.FLOAT : Expr.LiteralKind.INTEGER, value);
        if (error != null) {
            deferError(error);
        }
        return e;
    }

    private Expr columnRef() throws SqliteException {
        int st = pos();
        Name a = takeName();
        h = 1;
        if (!accept(DOT)) {
            return new Expr.ColumnRef(null, null, a, st, lastEnd());
        }
        Name b = nm();
        if (!accept(DOT)) {
            return new Expr.ColumnRef(null, a, b, st, lastEnd());
        }
        Name c = nm();
        return new Expr.ColumnRef(a, b, c, st, lastEnd());
    }

    private Expr parenthesized() throws SqliteException {
        if (type(1) == LP) {
            return parenthesesRun();
        }
        int st = pos();
        advance();
        enter(2);
        Expr e = parenthesizedRest(st);
        leave(2);
        return e;
    }

    /**
     * Several {@code (} in a row, without nesting Java calls per parenthesis (SQLite's LALR parser grows its
     * stack on the heap and takes any number): all but the innermost are consumed here, the innermost and
     * what follows it up to the first unmatched {@code )} or {@code ,} is one expression; then each level is
     * closed in turn (a row value when a comma follows) and the operators after its {@code )} are applied
     * inside the enclosing level. Redundant parentheses add no height, as in SQLite.
     */
    private Expr parenthesesRun() throws SqliteException {
        int n = 0;
        int[] starts = new int[8];
        while (type(0) == LP && type(1) == LP) {
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = pos();
            advance();
        }
        Expr e = exprAt(P_OR, false);
        for (int i = n - 1; i >= 0; i--) {
            if (peek() == COMMA) {
                List<Expr> values = new ArrayList<>();
                values.add(e);
                int hh = h;
                while (accept(COMMA)) {
                    values.add(exprAt(P_OR, false));
                    hh = Math.max(hh, h);
                }
                expect(RP);
                h = checkHeight(hh + 1);
                e = new Expr.RowValue(values, starts[i], lastEnd());
            } else {
                expect(RP);
            }
            if (i > 0) {
                e = infix(e, starts[i], P_OR, false);
            }
        }
        return e;
    }

    private Expr parenthesizedRest(int st) throws SqliteException {
        if (atSelect(0)) {
            Select s = subselect();
            int sh = subselectHeight;
            h = sh + 1;
            return new Expr.Subquery(s, st, lastEnd());
        }
        Expr e = exprAt(P_OR, false);
        if (peek() != COMMA) {
            expect(RP);
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        int hh = h;
        while (accept(COMMA)) {
            values.add(exprAt(P_OR, false));
            hh = Math.max(hh, h);
        }
        expect(RP);
        h = checkHeight(hh + 1);
        return new Expr.RowValue(values, st, lastEnd());
    }

    private Expr caseExpr() throws SqliteException {
        int st = pos();
        advance();
        Expr base = null;
        int hh = 0;
        if (peek() != WHEN) {
            base = exprAt(P_OR, false);
            hh = h;
        }
        List<Expr.WhenThen> whens = new ArrayList<>();
        expect(WHEN);
        do {
            Expr w = exprAt(P_OR, false);
            hh = Math.max(hh, h);
            expect(THEN);
            Expr th = exprAt(P_OR, false);
            hh = Math.max(hh, h);
            whens.add(new Expr.WhenThen(w, th));
        } while (accept(WHEN));
        Expr elseExpr = null;
        if (accept(ELSE)) {
            elseExpr = exprAt(P_OR, false);
            hh = Math.max(hh, h);
        }
        expect(END);
        h = hh + 1;
        return new Expr.Case(base, whens, elseExpr, st, lastEnd());
    }

    private Expr raise() throws SqliteException {
        int st = pos();
        advance();
        expect(LP);
        if (accept(IGNORE)) {
            expect(RP);
            h = 1;
            return new Expr.Raise(Expr.RaiseAction.IGNORE, null, st, lastEnd());
        }
        Expr.RaiseAction action;
        switch (peek()) {
            case ROLLBACK:
                action = Expr.RaiseAction.ROLLBACK;
                break;
            case ABORT:
                action = Expr.RaiseAction.ABORT;
                break;
            case FAIL:
                action = Expr.RaiseAction.FAIL;
                break;
            default:
                throw syntaxError();
        }
        advance();
        expect(COMMA);
        Expr msg = exprAt(P_OR, false);
        expect(RP);
        h = h + 1;
        return new Expr.Raise(action, msg, st, lastEnd());
    }

    private Expr functionCall() throws SqliteException {
        int st = pos();
        Name name = takeName();
        advance();
        boolean distinct = false;
        boolean star = false;
        List<Expr> args = new ArrayList<>();
        List<OrderingTerm> orderBy = new ArrayList<>();
        int hh = 0;
        if (peek() == STAR) {
            advance();
            star = true;
        } else {
            if (accept(DISTINCT)) {
                distinct = true;
            } else {
                accept(ALL);
            }
            int t = peek();
            if (t != RP && t != ORDER) {
                do {
                    args.add(exprAt(P_OR, false));
                    hh = Math.max(hh, h);
                } while (accept(COMMA));
            }
            if (peek() == ORDER) {
                advance();
                expect(BY);
                orderBy = sortList();
            }
        }
        expect(RP);
        Expr filter = null;
        if (peek() == FILTER) {
            advance();
            expect(LP);
            expect(WHERE);
            filter = exprAt(P_OR, false);
            expect(RP);
        }
        Expr.Over over = null;
        if (peek() == OVER) {
            advance();
            if (accept(LP)) {
                WindowDef w = windowDef();
                expect(RP);
                over = new Expr.Over(null, w);
            } else {
                over = new Expr.Over(nm(), null);
            }
        }
        if (args.size() > MAX_FUNCTION_ARG) {
            deferError("too many arguments on function " + sql.substring(name.start(), name.end()),
                name.start());
        }
        if (over != null && !orderBy.isEmpty()) {
            deferError("ORDER BY may not be used with non-aggregate " + sql.substring(name.start(), name.end())
                + "()", name.start());
        }
        h = hh + 1;
        return new Expr.FunctionCall(name, distinct, star, args, orderBy, filter, over, st, lastEnd());
    }

    /** {@code sortlist}: {@code expr [ASC|DESC] [NULLS FIRST|LAST], ...}. */
    final List<OrderingTerm> sortList() throws SqliteException {
        List<OrderingTerm> terms = new ArrayList<>();
        do {
            Expr e = expr();
            SortOrder order = SortOrder.DEFAULT;
            if (accept(ASC)) {
                order = SortOrder.ASC;
            } else if (accept(DESC)) {
                order = SortOrder.DESC;
            }
            NullsOrder nulls = NullsOrder.DEFAULT;
            if (accept(NULLS)) {
                if (accept(FIRST)) {
                    nulls = NullsOrder.FIRST;
                } else {
                    expect(LAST);
                    nulls = NullsOrder.LAST;
                }
            }
            terms.add(new OrderingTerm(e, order, nulls));
        } while (accept(COMMA));
        return terms;
    }

    /** The inside of a window definition's parentheses. */
    final WindowDef windowDef() throws SqliteException {
        Name base = null;
        int t = peek();
        if (t != PARTITION && t != ORDER && t != RANGE && t != ROWS && t != GROUPS && t != RP && isNm(t)) {
            base = takeName();
        }
        List<Expr> partition = new ArrayList<>();
        if (accept(PARTITION)) {
            expect(BY);
            do {
                partition.add(expr());
            } while (accept(COMMA));
        }
        List<OrderingTerm> orderBy = new ArrayList<>();
        if (accept(ORDER)) {
            expect(BY);
            orderBy = sortList();
        }
        WindowDef.Frame frame = null;
        t = peek();
        if (t == RANGE || t == ROWS || t == GROUPS) {
            advance();
            WindowDef.FrameUnit unit = t == RANGE ? WindowDef.FrameUnit.RANGE
                : t == ROWS ? WindowDef.FrameUnit.ROWS : WindowDef.FrameUnit.GROUPS;
            WindowDef.Bound start;
            WindowDef.Bound end;
            if (accept(BETWEEN)) {
                start = frameBound(true);
                expect(AND);
                end = frameBound(false);
            } else {
                start = frameBound(true);
                end = new WindowDef.Bound(WindowDef.BoundKind.CURRENT_ROW, null);
            }
            WindowDef.Exclude exclude = null;
            if (accept(EXCLUDE)) {
                if (accept(NO)) {
                    expect(OTHERS);
                    exclude = WindowDef.Exclude.NO_OTHERS;
                } else if (accept(CURRENT)) {
                    expect(ROW);
                    exclude = WindowDef.Exclude.CURRENT_ROW;
                } else if (accept(GROUP)) {
                    exclude = WindowDef.Exclude.GROUP;
                } else {
                    expect(TIES);
                    exclude = WindowDef.Exclude.TIES;
                }
            }
            WindowDef.BoundKind a = start.kind();
            WindowDef.BoundKind b = end.kind();
            if ((a == WindowDef.BoundKind.CURRENT_ROW && b == WindowDef.BoundKind.PRECEDING)
                || (a == WindowDef.BoundKind.FOLLOWING
                    && (b == WindowDef.BoundKind.PRECEDING || b == WindowDef.BoundKind.CURRENT_ROW))) {
                deferError("unsupported frame specification");
            }
            frame = new WindowDef.Frame(unit, start, end, exclude);
        }
        return new WindowDef(base, partition, orderBy, frame);
    }

    private WindowDef.Bound frameBound(boolean isStart) throws SqliteException {
        int t = peek();
        if (t == UNBOUNDED) {
            advance();
            if (isStart) {
                expect(PRECEDING);
                return new WindowDef.Bound(WindowDef.BoundKind.UNBOUNDED_PRECEDING, null);
            }
            expect(FOLLOWING);
            return new WindowDef.Bound(WindowDef.BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (t == CURRENT) {
            advance();
            expect(ROW);
            return new WindowDef.Bound(WindowDef.BoundKind.CURRENT_ROW, null);
        }
        Expr e = expr();
        if (accept(PRECEDING)) {
            return new WindowDef.Bound(WindowDef.BoundKind.PRECEDING, e);
        }
        expect(FOLLOWING);
        return new WindowDef.Bound(WindowDef.BoundKind.FOLLOWING, e);
    }

    /**
     * {@code typetoken}: {@code ids...} optionally followed by {@code (signed)} or {@code (signed, signed)}.
     * Words continue while the token can be an identifier, as SQLite's LALR parser prefers shifting: so
     * {@code a GENERATED ALWAYS AS (1)} declares type {@code GENERATED ALWAYS}, as in SQLite.
     */
    final TypeName typeToken() throws SqliteException {
        int st = pos();
        StringBuilder name = new StringBuilder();
        do {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(ids().text());
        } while (isIds(peek()));
        String size1 = null;
        String size2 = null;
        if (accept(LP)) {
            size1 = signedNumber();
            if (accept(COMMA)) {
                size2 = signedNumber();
            }
            expect(RP);
        }
        return new TypeName(sql.substring(st, lastEnd()), name.toString(), size1, size2, st, lastEnd());
    }

    /** {@code signed}: {@code [+|-] INTEGER|FLOAT}; returns its source text. */
    final String signedNumber() throws SqliteException {
        int st = pos();
        if (!accept(PLUS)) {
            accept(MINUS);
        }
        int t = peek();
        if (t != INTEGER && t != FLOAT) {
            throw syntaxError();
        }
        advance();
        return sql.substring(st, lastEnd());
    }
}
