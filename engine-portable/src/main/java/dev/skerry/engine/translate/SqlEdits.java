package dev.skerry.engine.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Text edits of stored {@code CREATE} statements for ALTER TABLE, as SQLite's {@code renameEditSql} makes
 * them: a set of spans, each replaced by a new text, applied right to left so that earlier offsets stay
 * valid; and the small tokenizer the edits need (quoted strings and identifiers, comments, words, single
 * characters), which never interprets the SQL beyond that.
 *
 * <p>States: spans are added in any order, without overlaps; {@link #apply} may be called once all are in.
 */
final class SqlEdits {
    private final List<int[]> spans = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** Replaces {@code [start, end)} by {@code text}; a span already edited is not edited twice. */
    void replace(int start, int end, String text) {
        for (int[] s : spans) {
            if (s[0] == start) {
                return;
            }
        }
        spans.add(new int[] {start, end});
        texts.add(text);
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }

    String apply(String sql) {
        StringBuilder sb = new StringBuilder(sql);
        boolean[] done = new boolean[spans.size()];
        for (int n = 0; n < spans.size(); n++) {
            int best = -1;
            for (int k = 0; k < spans.size(); k++) {
                if (!done[k] && (best < 0 || spans.get(k)[0] > spans.get(best)[0])) {
                    best = k;
                }
            }
            done[best] = true;
            sb.replace(spans.get(best)[0], spans.get(best)[1], texts.get(best));
        }
        return sb.toString();
    }

    /** {@code "name"} with its double quotes doubled: how SQLite writes a renamed identifier that needs quoting. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A token of {@link #tokens}: its span and kind. */
    static final class Token {
        static final int WORD = 0;
        static final int QUOTED_ID = 1;
        static final int STRING = 2;
        static final int OTHER = 3;

        final int start;
        final int end;
        final int kind;

        Token(int start, int end, int kind) {
            this.start = start;
            this.end = end;
            this.kind = kind;
        }

        /** The identifier the token names (dequoted), or null when it is not one. */
        String identifier(String sql) {
            if (kind == WORD) {
                return sql.substring(start, end);
            }
            if (kind == QUOTED_ID) {
                char q = sql.charAt(start);
                char close = q == '[' ? ']' : q;
                String inner = sql.substring(start + 1, end - 1);
                return close == ']' ? inner : inner.replace("" + close + close, "" + close);
            }
            return null;
        }

        boolean is(String sql, char c) {
            return kind == OTHER && end == start + 1 && sql.charAt(start) == c;
        }
    }

    /** The tokens of {@code sql[from, to)}, comments and spaces left out. */
    static List<Token> tokens(String sql, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = sql.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '-' && i + 1 < to && sql.charAt(i + 1) == '-') {
                while (i < to && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < to && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 || close + 2 > to ? to : close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < to) {
                    if (sql.charAt(j) == close) {
                        if (close != ']' && j + 1 < to && sql.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, to);
                out.add(new Token(i, end, c == '\'' ? Token.STRING : Token.QUOTED_ID));
                i = end;
            } else if (isWordChar(c)) {
                int j = i;
                while (j < to && isWordChar(sql.charAt(j))) {
                    j++;
                }
                out.add(new Token(i, j, Token.WORD));
                i = j;
            } else {
                out.add(new Token(i, i + 1, Token.OTHER));
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c > 127;
    }
}
