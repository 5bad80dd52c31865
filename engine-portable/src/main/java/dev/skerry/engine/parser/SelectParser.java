package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Limit;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.NamedWindow;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.parser.ast.WindowDef;
import dev.skerry.engine.parser.ast.With;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.skerry.engine.parser.TokenType.*;

/**
 * SELECT and its parts: WITH, compound operators, result columns, FROM with joins, GROUP BY, HAVING,
 * WINDOW, ORDER BY, LIMIT, and VALUES. Also reports the errors SQLite's grammar actions raise while
 * building a SELECT: ORDER BY/LIMIT before a compound operator, too many compound terms, VALUES rows of
 * different sizes, unknown join types and ON/USING without a join.
 */
abstract class SelectParser extends ExprParser {
    /** SQLite's default SQLITE_MAX_COMPOUND_SELECT. */
    static final int MAX_COMPOUND_SELECT = 500;

    SelectParser(String sql, int offset) {
        super(sql, offset);
    }

    @Override
    final Select select() throws SqliteException {
        int st = pos();
        return select(peek() == WITH ? with() : null, st);
    }

    /** The rest of a SELECT whose WITH clause (or null) has been parsed; {@code st} is where it began. */
    final Select select(With with, int st) throws SqliteException {
        enter(SELECT_WEIGHT);
        List<SelectCore> cores = new ArrayList<>();
        List<Select.CompoundOp> ops = new ArrayList<>();
        List<OrderingTerm> orderBy = Collections.emptyList();
        Limit limit = null;
        String misplaced = null;
        boolean allValues = true;
        for (;;) {
            if (peek() == VALUES) {
                cores.add(values());
                orderBy = Collections.emptyList();
                limit = null;
            } else {
                expect(SELECT);
                cores.add(queryCore());
                allValues = false;
                orderBy = Collections.emptyList();
                limit = null;
                if (accept(ORDER)) {
                    expect(BY);
                    orderBy = sortList();
                }
                if (peek() == LIMIT) {
                    limit = limit();
                }
            }
            Select.CompoundOp op = compoundOp();
            if (op == null) {
                break;
            }
            if (misplaced == null && (!orderBy.isEmpty() || limit != null)) {
                misplaced = (!orderBy.isEmpty() ? "ORDER BY" : "LIMIT") + " clause should come after "
                    + opName(op) + " not before";
            }
            ops.add(op);
        }
        if (misplaced != null) {
            deferError(misplaced);
        } else if (!allValues && cores.size() > MAX_COMPOUND_SELECT) {
            deferError("too many terms in compound SELECT");
        }
        leave(SELECT_WEIGHT);
        return new Select(with, cores, ops, orderBy, limit, st, lastEnd());
    }

    private static String opName(Select.CompoundOp op) {
        switch (op) {
            case UNION_ALL:
                return "UNION ALL";
            case INTERSECT:
                return "INTERSECT";
            case EXCEPT:
                return "EXCEPT";
            default:
                return "UNION";
        }
    }

    private Select.CompoundOp compoundOp() throws SqliteException {
        switch (peek()) {
            case UNION:
                advance();
                return accept(ALL) ? Select.CompoundOp.UNION_ALL : Select.CompoundOp.UNION;
            case INTERSECT:
                advance();
                return Select.CompoundOp.INTERSECT;
            case EXCEPT:
                advance();
                return Select.CompoundOp.EXCEPT;
            default:
                return null;
        }
    }

    /** SQLite's {@code sqlite3StrICmp}: equal ignoring the case of ASCII letters only. */
    private static boolean sameName(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && (x | 0x20) != (y | 0x20) || x != y && ((x | 0x20) < 'a' || (x | 0x20) > 'z')) {
                return false;
            }
        }
        return true;
    }

    final With with() throws SqliteException {
        expect(WITH);
        boolean recursive = accept(RECURSIVE);
        List<With.Cte> ctes = new ArrayList<>();
        do {
            Name name = nm();
            List<Name> columns = peek() == LP ? eidList() : Collections.emptyList();
            expect(AS);
            With.Materialized m = With.Materialized.DEFAULT;
            if (accept(MATERIALIZED)) {
                m = With.Materialized.MATERIALIZED;
            } else if (peek() == NOT) {
                advance();
                expect(MATERIALIZED);
                m = With.Materialized.NOT_MATERIALIZED;
            }
            expect(LP);
            int saved = selectHeight;
            Select s = select();
            selectHeight = saved;
            expect(RP);
            for (With.Cte earlier : ctes) {
                if (sameName(earlier.name().text(), name.text())) {
                    // sqlite3WithAdd, run when the rule reduces on the token after ')'.
                    deferError("duplicate WITH table name: " + name.text());
                }
            }
            ctes.add(new With.Cte(name, columns, m, s));
        } while (accept(COMMA));
        return new With(recursive, ctes);
    }

    /** {@code (eidlist)}: names that SQLite parses with optional COLLATE and ASC/DESC, then rejects those. */
    final List<Name> eidList() throws SqliteException {
        expect(LP);
        List<Name> names = new ArrayList<>();
        do {
            Name n = nm();
            boolean extra = false;
            if (accept(COLLATE)) {
                ids();
                extra = true;
            }
            if (accept(ASC) || accept(DESC)) {
                extra = true;
            }
            if (extra) {
                deferError("syntax error after column name \"" + n.text() + "\"");
            }
            names.add(n);
        } while (accept(COMMA));
        expect(RP);
        return names;
    }

    private SelectCore values() throws SqliteException {
        expect(VALUES);
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expect(LP);
            List<Expr> row = new ArrayList<>();
            do {
                row.add(expr());
            } while (accept(COMMA));
            expect(RP);
            if (!rows.isEmpty() && rows.get(0).size() != row.size()) {
                deferError("all VALUES must have the same number of terms");
            }
            rows.add(row);
        } while (accept(COMMA));
        return new SelectCore.Values(rows);
    }

    private SelectCore queryCore() throws SqliteException {
        boolean distinct = false;
        if (accept(DISTINCT)) {
            distinct = true;
        } else {
            accept(ALL);
        }
        List<ResultColumn> columns = resultColumns();
        FromClause from = null;
        if (accept(FROM)) {
            from = fromClause();
        }
        Expr where = accept(WHERE) ? expr() : null;
        List<Expr> groupBy = Collections.emptyList();
        if (accept(GROUP)) {
            expect(BY);
            groupBy = new ArrayList<>();
            do {
                groupBy.add(expr());
            } while (accept(COMMA));
        }
        Expr having = accept(HAVING) ? expr() : null;
        List<NamedWindow> windows = Collections.emptyList();
        if (peek() == WINDOW) {
            advance();
            windows = new ArrayList<>();
            do {
                Name name = nm();
                expect(AS);
                expect(LP);
                WindowDef def = windowDef();
                expect(RP);
                if (!windows.isEmpty()) {
                    chainWindow(def, windows);
                }
                windows.add(new NamedWindow(name, def));
            } while (accept(COMMA));
        }
        return new SelectCore.Query(distinct, columns, from, where, groupBy, having, windows);
    }

    /**
     * The checks of {@code sqlite3WindowChain}, which SQLite applies while parsing to each WINDOW clause
     * definition after the first that names a base window among the earlier ones.
     */
    private void chainWindow(WindowDef def, List<NamedWindow> earlier) {
        Name base = def.baseWindow();
        if (base == null) {
            return;
        }
        WindowDef existing = null;
        for (NamedWindow w : earlier) {
            if (w.name().text().equalsIgnoreCase(base.text())) {
                existing = w.definition();
                break;
            }
        }
        if (existing == null) {
            deferError("no such window: " + base.text());
            return;
        }
        String clause = !def.partitionBy().isEmpty() ? "PARTITION clause"
            : !existing.orderBy().isEmpty() && !def.orderBy().isEmpty() ? "ORDER BY clause"
            : existing.frame() != null ? "frame specification" : null;
        if (clause != null) {
            deferError("cannot override " + clause + " of window: " + base.text());
        }
    }

    /** {@code selcollist}, also used by RETURNING. */
    final List<ResultColumn> resultColumns() throws SqliteException {
        List<ResultColumn> columns = new ArrayList<>();
        do {
            int st = pos();
            if (peek() == STAR) {
                advance();
                columns.add(new ResultColumn.Star(st, lastEnd()));
            } else if (isNm(peek()) && type(1) == DOT && type(2) == STAR) {
                Name table = takeName();
                advance();
                advance();
                columns.add(new ResultColumn.TableStar(table, st, lastEnd()));
            } else {
                Expr e = expr();
                int en = lastEnd();
                columns.add(new ResultColumn.Column(e, alias(), st, en));
            }
        } while (accept(COMMA));
        return columns;
    }

    /** {@code as}: {@code AS nm}, a bare {@code ids}, or nothing (null). */
    final Name alias() throws SqliteException {
        if (accept(AS)) {
            return nm();
        }
        if (isIds(peek())) {
            return takeName();
        }
        return null;
    }

    final Limit limit() throws SqliteException {
        expect(LIMIT);
        Expr a = expr();
        if (accept(OFFSET)) {
            return new Limit(a, expr());
        }
        if (accept(COMMA)) {
            return new Limit(expr(), a);
        }
        return new Limit(a, null);
    }

    /** {@code seltablist}: the items of a FROM clause and the joins between them. */
    final FromClause fromClause() throws SqliteException {
        enter();
        TableOrSubquery first = fromItem();
        int t = peek();
        if (t == ON || t == USING) {
            advance();
            if (t == ON) {
                expr();
            } else {
                idList();
            }
            deferError("a JOIN clause is required before " + (t == ON ? "ON" : "USING"));
        }
        List<FromClause.Join> joins = new ArrayList<>();
        for (;;) {
            t = peek();
            boolean natural = false;
            FromClause.JoinType type;
            if (t == COMMA) {
                advance();
                type = FromClause.JoinType.COMMA;
            } else if (t == JOIN) {
                advance();
                type = FromClause.JoinType.INNER;
            } else if (TokenType.isJoinKeyword(t)) {
                int jt = joinType();
                natural = (jt & JT_NATURAL) != 0;
                type = (jt & JT_LEFT) != 0 && (jt & JT_RIGHT) != 0 ? FromClause.JoinType.FULL
                    : (jt & JT_LEFT) != 0 ? FromClause.JoinType.LEFT
                    : (jt & JT_RIGHT) != 0 ? FromClause.JoinType.RIGHT
                    : (jt & JT_CROSS) != 0 ? FromClause.JoinType.CROSS : FromClause.JoinType.INNER;
            } else {
                break;
            }
            TableOrSubquery right = fromItem();
            Expr on = null;
            List<Name> using = Collections.emptyList();
            if (accept(ON)) {
                on = expr();
            } else if (accept(USING)) {
                using = idList();
            }
            joins.add(new FromClause.Join(natural, type, right, on, using));
        }
        leave();
        return new FromClause(first, joins);
    }

    /** {@code LP idlist RP}: a parenthesised list of names. */
    final List<Name> idList() throws SqliteException {
        expect(LP);
        List<Name> names = new ArrayList<>();
        do {
            names.add(nm());
        } while (accept(COMMA));
        expect(RP);
        return names;
    }

    private static final int JT_INNER = 1;
    private static final int JT_CROSS = 2;
    private static final int JT_NATURAL = 4;
    private static final int JT_LEFT = 8;
    private static final int JT_RIGHT = 16;
    private static final int JT_OUTER = 32;
    private static final int JT_ERROR = 64;

    /** {@code JOIN_KW [nm [nm]] JOIN}, validated as {@code sqlite3JoinType} does. */
    private int joinType() throws SqliteException {
        List<String> words = new ArrayList<>(3);
        int start = pos();
        words.add(text(0));
        advance();
        while (peek() != JOIN) {
            if (words.size() == 3) {
                throw syntaxError();
            }
            nm();
            words.add(text(-1));
        }
        advance();
        int jt = 0;
        for (String w : words) {
            jt |= joinWord(w);
        }
        if ((jt & (JT_INNER | JT_OUTER)) == (JT_INNER | JT_OUTER) || (jt & JT_ERROR) != 0
            || (jt & (JT_OUTER | JT_LEFT | JT_RIGHT)) == JT_OUTER) {
            deferError("unknown join type: " + String.join(" ", words), start);
        }
        return jt;
    }

    private static int joinWord(String w) {
        if (w.equalsIgnoreCase("NATURAL")) {
            return JT_NATURAL;
        } else if (w.equalsIgnoreCase("LEFT")) {
            return JT_LEFT | JT_OUTER;
        } else if (w.equalsIgnoreCase("RIGHT")) {
            return JT_RIGHT | JT_OUTER;
        } else if (w.equalsIgnoreCase("FULL")) {
            return JT_LEFT | JT_RIGHT | JT_OUTER;
        } else if (w.equalsIgnoreCase("OUTER")) {
            return JT_OUTER;
        } else if (w.equalsIgnoreCase("INNER")) {
            return JT_INNER;
        } else if (w.equalsIgnoreCase("CROSS")) {
            return JT_INNER | JT_CROSS;
        }
        return JT_ERROR;
    }

    private TableOrSubquery fromItem() throws SqliteException {
        if (accept(LP)) {
            if (atSelect(0)) {
                int saved = selectHeight;
                Select s = select();
                selectHeight = saved;
                expect(RP);
                return new TableOrSubquery.Subquery(s, alias());
            }
            FromClause inner = fromClause();
            expect(RP);
            return new TableOrSubquery.Nested(inner, alias());
        }
        QualifiedName name = qualifiedName();
        if (accept(LP)) {
            List<Expr> args = new ArrayList<>();
            if (peek() != RP) {
                do {
                    args.add(expr());
                } while (accept(COMMA));
            }
            expect(RP);
            return new TableOrSubquery.TableFunction(name, args, alias());
        }
        Name alias = alias();
        Name indexedBy = null;
        boolean notIndexed = false;
        if (accept(INDEXED)) {
            expect(BY);
            indexedBy = nm();
        } else if (accept(NOT)) {
            expect(INDEXED);
            notIndexed = true;
        }
        return new TableOrSubquery.Table(name, alias, indexedBy, notIndexed);
    }
}
