package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Name;

import java.util.ArrayList;
import java.util.List;

/**
 * The token stream of one parse and the helpers shared by the parsing layers ({@link ExprParser},
 * {@link StmtParser}, {@link Parser}).
 *
 * <p>State: tokens are scanned on demand into parallel arrays; {@code p} indexes the current token, tokens
 * before it are consumed. Invariant: every token before {@code p} was accepted by the grammar, so the first
 * time the current token is examined is the moment SQLite would feed it to its parser: an ILLEGAL token
 * raises {@code unrecognized token} then, and any other unexpected token raises {@code near "X": syntax
 * error} (or {@code incomplete input} at the end of the text).
 *
 * <p>WINDOW, OVER and FILTER are resolved from their neighbours exactly as SQLite's tokenizer does
 * ({@code analyzeWindowKeyword} and friends): otherwise they are plain identifiers.
 *
 * <p>Parameters are numbered here as {@code sqlite3ExprAssignVarNumber} does.
 */
abstract class ParserBase {
    /**
     * SQLITE_MAX_VARIABLE_NUMBER of the reference build (sqlite-jdbc compiles SQLite with 250000; SQLite's own
     * default is 32766).
     */
    static final int MAX_VARIABLE_NUMBER = 250000;
    /** SQLite's SQLITE_MAX_EXPR_DEPTH. */
    static final int MAX_EXPR_DEPTH = 1000;
    /**
     * Nesting this recursive parser accepts before reporting {@code parser stack overflow}, keeping the Java
     * stack bounded (frames of interpreted code are large, and a wasm stack is small). An operand counts
     * one, a parenthesis two more, a subquery {@link #SELECT_WEIGHT} more. That admits the deepest operator
     * chains SQLite's height limit allows, about 110 nested subqueries (SQLite's own height check stops
     * nested subqueries far earlier, when resolving names) but only about 360 parentheses each holding an
     * operator, where SQLite allows an expression height of 1000. Runs of parentheses do not count (they are
     * parsed iteratively, and SQLite, which grows its parser stack on the heap, has no limit).
     */
    static final int MAX_NESTING = 1100;

    /** The share of {@link #MAX_NESTING} a SELECT takes: it nests about ten Java calls. */
    static final int SELECT_WEIGHT = 8;

    final String sql;
    private final Lexer lexer;

    private int[] types = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** Tokens scanned so far. */
    private int count;
    /** Index of the current token. */
    int p;

    /** Largest parameter number so far. */
    int nVar;
    /** Names of the named parameters by number (index 0 unused); null entries for {@code ?} parameters. */
    final List<String> varNames = new ArrayList<>();

    /** An error raised by a grammar action, reported once token {@code deferredAt} is consumed. */
    private String deferredError;
    private int deferredAt;
    /** The error offset of {@link #deferredError} (see {@link SqliteException#errorOffset()}). */
    private int deferredOffset;

    /** Current nesting of recursive constructs (see {@link #MAX_NESTING}). */
    private int nesting;

    ParserBase(String sql, int offset) {
        this.sql = sql;
        this.lexer = new Lexer(sql, offset);
        varNames.add(null);
    }

    private void fill(int idx) {
        while (count <= idx) {
            if (count == types.length) {
                types = java.util.Arrays.copyOf(types, count * 2);
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            lexer.next();
            types[count] = lexer.type;
            starts[count] = lexer.start;
            ends[count] = lexer.end;
            count++;
        }
    }

    /** Type of the token {@code k} positions after the current one, contextual keywords resolved. */
    final int type(int k) {
        int idx = p + k;
        fill(idx);
        int t = types[idx];
        if (t == TokenType.WINDOW || t == TokenType.OVER || t == TokenType.FILTER) {
            t = resolveContextual(idx, t);
            types[idx] = t;
        }
        return t;
    }

    private int resolveContextual(int idx, int t) {
        int prev = idx > 0 ? types[idx - 1] : TokenType.EOF;
        fill(idx + 2);
        int next = asGetToken(types[idx + 1]);
        if (t == TokenType.WINDOW) {
            return next == TokenType.ID && asGetToken(types[idx + 2]) == TokenType.AS ? t : TokenType.ID;
        }
        if (t == TokenType.OVER) {
            return prev == TokenType.RP && (next == TokenType.LP || next == TokenType.ID) ? t : TokenType.ID;
        }
        return prev == TokenType.RP && next == TokenType.LP ? t : TokenType.ID;
    }

    /** The token class SQLite's {@code getToken} helper reports: identifier-like tokens become ID. */
    private static int asGetToken(int t) {
        if (t == TokenType.ID || t == TokenType.STRING || TokenType.isJoinKeyword(t) || t == TokenType.WINDOW
            || t == TokenType.OVER || TokenType.isFallbackId(t)) {
            return TokenType.ID;
        }
        return t;
    }

    /** Type of the current token; an ILLEGAL token is reported here. */
    final int peek() throws SqliteException {
        int t = type(0);
        if (t == TokenType.ILLEGAL) {
            throw SqliteException.error("unrecognized token: \"" + text(0) + "\"", pos());
        }
        return t;
    }

    final String text(int k) {
        fill(p + k);
        return sql.substring(starts[p + k], ends[p + k]);
    }

    final int startOf(int k) {
        fill(p + k);
        return starts[p + k];
    }

    /** Start offset of the current token. */
    final int pos() {
        fill(p);
        return starts[p];
    }

    /** End offset of the last consumed token. */
    final int lastEnd() {
        return ends[p - 1];
    }

    /** Consumes the current token; reports a deferred error whose lookahead this token was. */
    /** Offset where the text ends for the parser (its length, or its first NUL). */
    final int textEnd() {
        return lexer.n;
    }

    final void advance() throws SqliteException {
        if (deferredError != null && p >= deferredAt) {
            throw SqliteException.error(deferredError, deferredOffset);
        }
        p++;
    }

    final boolean accept(int t) throws SqliteException {
        if (peek() == t) {
            advance();
            return true;
        }
        return false;
    }

    final void expect(int t) throws SqliteException {
        if (peek() != t) {
            if (t == TokenType.SEMI && type(0) == TokenType.EOF && deferredError != null) {
                // SQLite feeds a semicolon at the end of the text; accepted here, it completes the action.
                throw SqliteException.error(deferredError, deferredOffset);
            }
            throw syntaxError();
        }
        advance();
    }

    /**
     * Records an error that SQLite raises in a grammar action. SQLite runs such an action when it reduces
     * a rule, on seeing the token after the construct; if that token is itself a syntax error, the syntax
     * error's message replaces the action's. So the error is reported when the current token is consumed,
     * or when the statement ends, unless a syntax error at the current token comes first. A later action
     * error at the same token replaces an earlier one, as in SQLite.
     */
    final void deferError(String message) {
        deferError(message, -1);
    }

    /**
     * {@link #deferError(String)} for a message that names a token ({@code %T} in SQLite's format), which
     * makes that token's start the error offset.
     */
    final void deferError(String message, int errorOffset) {
        deferredError = message;
        deferredAt = p;
        deferredOffset = errorOffset;
    }

    /** Reports a deferred error at the end of a statement. */
    final void reportDeferredError() throws SqliteException {
        if (deferredError != null) {
            throw SqliteException.error(deferredError, deferredOffset);
        }
    }

    /**
     * The error SQLite reports for an unexpected current token, at that token's offset (none for
     * {@code incomplete input}, whose message names no token).
     */
    final SqliteException syntaxError() throws SqliteException {
        int t = type(0);
        if (t == TokenType.ILLEGAL) {
            throw SqliteException.error("unrecognized token: \"" + text(0) + "\"", pos());
        }
        if (t == TokenType.EOF) {
            return SqliteException.error("incomplete input");
        }
        return SqliteException.error("near \"" + text(0) + "\": syntax error", pos());
    }

    final void enter() throws SqliteException {
        enter(1);
    }

    /** Enters a recursive construct costing {@code weight} units of {@link #MAX_NESTING}. */
    final void enter(int weight) throws SqliteException {
        nesting += weight;
        if (nesting > MAX_NESTING) {
            throw SqliteException.error("parser stack overflow");
        }
    }

    final void leave() {
        nesting--;
    }

    final void leave(int weight) {
        nesting -= weight;
    }

    // ---- names ----

    /** SQLite's {@code ids}: ID (including fallback keywords) or STRING. */
    final boolean isIds(int t) {
        return TokenType.isFallbackId(t) || t == TokenType.STRING;
    }

    /** SQLite's {@code idj}: ID, INDEXED or a join keyword. */
    final boolean isIdj(int t) {
        return TokenType.isFallbackId(t) || t == TokenType.INDEXED || TokenType.isJoinKeyword(t);
    }

    /** SQLite's {@code nm}: {@code idj} or STRING. */
    final boolean isNm(int t) {
        return isIdj(t) || t == TokenType.STRING;
    }

    final Name nm() throws SqliteException {
        if (!isNm(peek())) {
            throw syntaxError();
        }
        return takeName();
    }

    final Name ids() throws SqliteException {
        if (!isIds(peek())) {
            throw syntaxError();
        }
        return takeName();
    }

    /** Consumes the current token as a name, removing its quotes. */
    final Name takeName() throws SqliteException {
        int st = starts[p];
        int en = ends[p];
        advance();
        char c = sql.charAt(st);
        Name.Quote q;
        String text;
        switch (c) {
            case '"':
                q = Name.Quote.DOUBLE;
                text = unquote(st, en, '"');
                break;
            case '\'':
                q = Name.Quote.SINGLE;
                text = unquote(st, en, '\'');
                break;
            case '`':
                q = Name.Quote.BACKTICK;
                text = unquote(st, en, '`');
                break;
            case '[':
                q = Name.Quote.BRACKET;
                text = sql.substring(st + 1, en - 1);
                break;
            default:
                q = Name.Quote.NONE;
                text = sql.substring(st, en);
        }
        return new Name(text, q, st, en);
    }

    /** The text between the quotes of {@code sql[st, en)}, with doubled quotes made single. */
    final String unquote(int st, int en, char q) {
        StringBuilder b = null;
        int from = st + 1;
        int to = en - 1;
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == q) {
                if (b == null) {
                    b = new StringBuilder(to - from);
                    b.append(sql, from, i);
                }
                b.append(q);
                i++;
            } else if (b != null) {
                b.append(sql.charAt(i));
            }
        }
        return b == null ? sql.substring(from, to) : b.toString();
    }

    // ---- parameters ----

    /** The number of the parameter token {@code tok}, assigned as SQLite does. */
    final int assignVariable(String tok) throws SqliteException {
        if (tok.length() == 1) {
            return newVar(null);
        }
        if (tok.charAt(0) == '?') {
            long v = 0;
            boolean ok = tok.length() <= 11;
            for (int i = 1; ok && i < tok.length(); i++) {
                v = v * 10 + (tok.charAt(i) - '0');
            }
            if (!ok || v < 1 || v > MAX_VARIABLE_NUMBER) {
                deferError("variable number must be between ?1 and ?" + MAX_VARIABLE_NUMBER);
                return 0;
            }
            int x = (int) v;
            if (x > nVar) {
                while (varNames.size() <= x) {
                    varNames.add(null);
                }
                nVar = x;
            }
            if (varNames.get(x) == null) {
                varNames.set(x, tok);
            }
            return x;
        }
        for (int i = 1; i <= nVar; i++) {
            if (tok.equals(varNames.get(i))) {
                return i;
            }
        }
        return newVar(tok);
    }

    private int newVar(String name) throws SqliteException {
        if (nVar >= MAX_VARIABLE_NUMBER) {
            deferError("too many SQL variables");
            return 0;
        }
        nVar++;
        while (varNames.size() <= nVar) {
            varNames.add(null);
        }
        varNames.set(nVar, name);
        return nVar;
    }
}
