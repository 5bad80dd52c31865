package dev.skerry.engine.parser;

/**
 * {@code sqlite3_complete}: whether a text ends with a complete statement, i.e. its last token that is not
 * whitespace or a comment is a semicolon that ends a statement. A semicolon inside a CREATE TRIGGER body
 * does not end the statement until the body's {@code END;}. Unterminated strings, quoted identifiers and
 * block comments make the text incomplete. Like SQLite this is a small state machine over a rough
 * tokenization, not a parse: it says nothing about syntax errors.
 *
 * <p>States (SQLite's complete.c): 0 INVALID (nothing seen), 1 START (just after a statement's semicolon),
 * 2 NORMAL, 3 EXPLAIN, 4 CREATE (maybe a trigger follows), 5 TRIGGER (inside a trigger), 6 SEMI (a
 * semicolon inside a trigger), 7 END (END after a semicolon inside a trigger). The text is complete when it
 * ends in state 1.
 */
public final class SqlComplete {
    private SqlComplete() {
    }

    private static final int SEMI = 0;
    private static final int WS = 1;
    private static final int OTHER = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TEMP = 5;
    private static final int TRIGGER = 6;
    private static final int END = 7;

    /** trans[state][token]. */
    private static final byte[][] TRANS = {
        {1, 0, 2, 3, 4, 2, 2, 2},
        {1, 1, 2, 3, 4, 2, 2, 2},
        {1, 2, 2, 2, 2, 2, 2, 2},
        {1, 3, 3, 2, 4, 2, 2, 2},
        {1, 4, 2, 2, 2, 4, 5, 2},
        {6, 5, 5, 5, 5, 5, 5, 5},
        {6, 6, 5, 5, 5, 5, 5, 7},
        {1, 7, 5, 5, 5, 5, 5, 5},
    };

    public static boolean isComplete(String sql) {
        int state = 0;
        int nul = sql.indexOf('\0');
        int n = nul < 0 ? sql.length() : nul;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int token;
            switch (c) {
                case ';':
                    token = SEMI;
                    i++;
                    break;
                case ' ': case '\r': case '\t': case '\n': case '\f':
                    token = WS;
                    i++;
                    break;
                case '/':
                    if (i + 1 >= n || sql.charAt(i + 1) != '*') {
                        token = OTHER;
                        i++;
                        break;
                    }
                    i += 2;
                    while (i + 1 < n && !(sql.charAt(i) == '*' && sql.charAt(i + 1) == '/')) {
                        i++;
                    }
                    if (i + 1 >= n) {
                        return false;
                    }
                    i += 2;
                    token = WS;
                    break;
                case '-':
                    if (i + 1 >= n || sql.charAt(i + 1) != '-') {
                        token = OTHER;
                        i++;
                        break;
                    }
                    while (i < n && sql.charAt(i) != '\n') {
                        i++;
                    }
                    if (i >= n) {
                        return state == 1;
                    }
                    i++;
                    token = WS;
                    break;
                case '[':
                    i = closing(sql, n, i, ']');
                    if (i < 0) {
                        return false;
                    }
                    token = OTHER;
                    break;
                case '`': case '"': case '\'':
                    i = closing(sql, n, i, c);
                    if (i < 0) {
                        return false;
                    }
                    token = OTHER;
                    break;
                default:
                    if (Lexer.isIdChar(c)) {
                        int st = i;
                        while (i < n && Lexer.isIdChar(sql.charAt(i))) {
                            i++;
                        }
                        token = keyword(sql, st, i);
                    } else {
                        token = OTHER;
                        i++;
                    }
            }
            state = TRANS[state][token];
        }
        return state == 1;
    }

    /** Offset after the closing {@code close} of the quote opened at {@code i} before {@code n}, or -1. */
    private static int closing(String sql, int n, int i, char close) {
        int j = sql.indexOf(close, i + 1);
        return j < 0 || j >= n ? -1 : j + 1;
    }

    private static int keyword(String sql, int st, int en) {
        String w = sql.substring(st, en);
        switch (en - st) {
            case 3:
                return w.equalsIgnoreCase("end") ? END : OTHER;
            case 4:
                return w.equalsIgnoreCase("temp") ? TEMP : OTHER;
            case 6:
                return w.equalsIgnoreCase("create") ? CREATE : OTHER;
            case 7:
                if (w.equalsIgnoreCase("trigger")) {
                    return TRIGGER;
                }
                return w.equalsIgnoreCase("explain") ? EXPLAIN : OTHER;
            case 9:
                return w.equalsIgnoreCase("temporary") ? TEMP : OTHER;
            default:
                return OTHER;
        }
    }
}
