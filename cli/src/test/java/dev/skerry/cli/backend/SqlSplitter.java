package dev.skerry.cli.backend;

/**
 * Test support: finds where the first SQL statement of a text ends, with the token state machine of SQLite's
 * {@code sqlite3_complete} (so trigger bodies with inner semicolons stay whole). JDBC does not expose
 * {@code sqlite3_prepare_v2}'s tail, which the shell needs; this gives the SQLite backend the same tails.
 */
final class SqlSplitter {
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
