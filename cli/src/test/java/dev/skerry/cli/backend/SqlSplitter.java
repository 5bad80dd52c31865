package dev.skerry.cli.backend;

/**
 * Test support: finds where the first SQL statement of a text ends, with the token state machine of SQLite's
 * {@code sqlite3_complete} (so trigger bodies with inner semicolons stay whole). JDBC does not expose
 * {@code sqlite3_prepare_v2}'s tail, which the shell needs; this gives the SQLite backend the same tails.
 */
public final class SqlSplitter {
    private static final int SEMI = 0;
    private static final int WS = 1;
    private static final int OTHER = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TEMP = 5;
    private static final int TRIGGER = 6;
    private static final int END = 7;
    private static final int[][] TRANS = {
        {1, 0, 2, 3, 4, 2, 2, 2},
        {1, 1, 2, 3, 4, 2, 2, 2},
        {1, 2, 2, 2, 2, 2, 2, 2},
        {1, 3, 3, 2, 4, 2, 2, 2},
        {1, 4, 2, 2, 2, 4, 5, 2},
        {6, 5, 5, 5, 5, 5, 5, 5},
        {6, 6, 5, 5, 5, 5, 5, 7},
        {1, 7, 5, 5, 5, 5, 5, 5},
    };

    /** Result: {@code end} is the offset just after the first statement; {@code empty} if it has no tokens. */
    static final class Split {
        final int end;
        final boolean empty;

        Split(int end, boolean empty) {
            this.end = end;
            this.empty = empty;
        }
    }

    private SqlSplitter() {
    }

    /** {@code sqlite3_complete}: true when the text ends with a complete statement (state START). */
    public static boolean isComplete(String sql) {
        int state = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            int[] tok = token(sql, i);
            if (tok == null) {
                return false;
            }
            state = TRANS[state][tok[0]];
            i = tok[1];
        }
        return state == 1;
    }

    /** The token at {@code i}: {kind, end offset}; null for an unterminated comment, quote or bracket. */
    private static int[] token(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == ';') {
            return new int[] {SEMI, i + 1};
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            return new int[] {WS, i + 1};
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? null : new int[] {WS, close + 2};
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int nl = sql.indexOf('\n', i);
            return new int[] {WS, nl < 0 ? n : nl + 1};
        }
        if (c == '[' || c == '"' || c == '\'' || c == '`') {
            int e = sql.indexOf(c == '[' ? ']' : c, i + 1);
            return e < 0 ? null : new int[] {OTHER, e + 1};
        }
        if (isIdChar(c)) {
            int e = i;
            while (e < n && isIdChar(sql.charAt(e))) {
                e++;
            }
            return new int[] {keyword(sql.substring(i, e)), e};
        }
        return new int[] {OTHER, i + 1};
    }

    static Split first(String sql) {
        int state = 0;
        boolean dark = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int token;
            int next = i + 1;
            if (c == ';') {
                token = SEMI;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                token = WS;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                next = close < 0 ? n : close + 2;
                token = WS;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                next = nl < 0 ? n : nl + 1;
                token = WS;
            } else if (c == '[' || c == '"' || c == '\'' || c == '`') {
                char close = c == '[' ? ']' : c;
                int e = sql.indexOf(close, i + 1);
                next = e < 0 ? n : e + 1;
                token = OTHER;
            } else if (isIdChar(c)) {
                int e = i;
                while (e < n && isIdChar(sql.charAt(e))) {
                    e++;
                }
                next = e;
                token = keyword(sql.substring(i, e));
            } else {
                token = OTHER;
            }
            if (token != WS && token != SEMI) {
                dark = true;
            }
            state = TRANS[state][token];
            if (token == SEMI && state == 1) {
                return new Split(next, !dark);
            }
            i = next;
        }
        return new Split(n, !dark);
    }

    private static int keyword(String w) {
        switch (w.toLowerCase(java.util.Locale.ROOT)) {
            case "create":
                return CREATE;
            case "trigger":
                return TRIGGER;
            case "temp":
            case "temporary":
                return TEMP;
            case "end":
                return END;
            case "explain":
                return EXPLAIN;
            default:
                return OTHER;
        }
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F;
    }
}
