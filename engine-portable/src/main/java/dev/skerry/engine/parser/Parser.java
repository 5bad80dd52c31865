package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Stmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Entry points of the SQL parser. The parser is a hand-written recursive-descent parser over SQLite's
 * grammar (parse.y), with SQLite's tokenizer and error messages; see the package documentation.
 */
public final class Parser {
    private Parser() {
    }

    /** {@link #parseFirst(String, int)} from the start of {@code sql}. */
    public static ParseResult parseFirst(String sql) throws SqliteException {
        return parseFirst(sql, 0);
    }

    /**
     * Parses the first statement at or after {@code offset}, as {@code sqlite3_prepare} does: leading
     * whitespace, comments and semicolons are skipped; the statement must end with a semicolon or the end
     * of the text; nothing after the semicolon is examined.
     *
     * @throws SqliteException SQLITE_ERROR with SQLite's message ({@code near "X": syntax error},
     *                         {@code incomplete input}, {@code unrecognized token: "X"}, ...)
     */
    public static ParseResult parseFirst(String sql, int offset) throws SqliteException {
        StmtParser p = new StmtParser(sql, offset);
        if (!p.skipEmptyStatements()) {
            return new ParseResult(null, p.textEnd(), 0, Collections.emptyList());
        }
        Stmt s = p.statement();
        int tail = p.finish();
        List<String> names = new ArrayList<>(p.varNames.subList(1, p.nVar + 1));
        return new ParseResult(s, tail, p.nVar, Collections.unmodifiableList(names));
    }

    /** All statements of {@code sql}, in order; stops at the first error. */
    public static List<Stmt> parseAll(String sql) throws SqliteException {
        List<Stmt> out = new ArrayList<>();
        int offset = 0;
        for (;;) {
            ParseResult r = parseFirst(sql, offset);
            if (r.statement() == null) {
                return out;
            }
            out.add(r.statement());
            offset = r.tailOffset();
        }
    }

    /** The same as {@link #parseAll}, under the name the cross-team contract uses. */
    public static List<Stmt> parse(String sql) throws SqliteException {
        return parseAll(sql);
    }
}
