package dev.skerry.cli.backend;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.SqlComplete;

/**
 * Test support: finds where the first SQL statement of a text ends: just after the first semicolon at which the
 * text so far is complete by {@link SqlComplete} ({@code sqlite3_complete}, so trigger bodies with inner
 * semicolons stay whole). JDBC does not expose {@code sqlite3_prepare_v2}'s tail, which the shell needs; this
 * gives the SQLite backend the same tails.
 */
final class SqlSplitter {
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
        int end = sql.length();
        for (int semi = sql.indexOf(';'); semi >= 0; semi = sql.indexOf(';', semi + 1)) {
            if (SqlComplete.isComplete(sql.substring(0, semi + 1))) {
                end = semi + 1;
                break;
            }
        }
        return new Split(end, onlyBlanks(sql.substring(0, end)));
    }

    /** Whether {@code text} holds nothing but whitespace, comments and semicolons (no statement to parse). */
    private static boolean onlyBlanks(String text) {
        try {
            return Parser.parseFirst(text).statement() == null;
        } catch (SqliteException e) {
            return false;
        }
    }
}
