/**
 * The SQL front end: SQLite's tokenizer ({@link dev.skerry.engine.parser.Lexer}) and a recursive-descent
 * parser for SQLite's grammar that builds the tree of {@link dev.skerry.engine.parser.ast}.
 *
 * <p>Entry points: {@link dev.skerry.engine.parser.Parser#parseFirst(String, int)} (one statement, as
 * {@code sqlite3_prepare}: the statement, the offset where the rest begins and the bound parameters),
 * {@link dev.skerry.engine.parser.Parser#parseAll(String)},
 * {@link dev.skerry.engine.parser.SqlComplete#isComplete(String)} ({@code sqlite3_complete}),
 * {@link dev.skerry.engine.parser.Keywords#isKeyword(String)} ({@code sqlite3_keyword_check}, the one keyword
 * list, used wherever a name is quoted) and
 * {@link dev.skerry.engine.parser.SchemaSql#of} (the text SQLite stores in {@code sqlite_schema.sql}).
 *
 * <p>The parser is layered by subject, each layer extending the one before: {@code ParserBase} (token
 * stream, names, parameters, error reporting), {@code ExprParser} (expressions, windows, type names),
 * {@code SelectParser}, {@code DmlParser} (INSERT/UPDATE/DELETE), {@code DdlParser} (CREATE/DROP/ALTER)
 * and {@code StmtParser} (statement dispatch and the remaining commands). It follows SQLite's parse.y rule
 * for rule, including which keywords may serve as identifiers ({@code %fallback ID}), so that it accepts
 * and rejects the same texts as SQLite with the same messages. Semantic checks that SQLite makes after
 * parsing (unknown tables, functions, arity, too many columns) belong to {@code translate}.
 *
 * <p>Errors carry SQLite's error offset ({@code sqlite3_error_offset}, see
 * {@link dev.skerry.engine.SqliteException#errorOffset()}): SQLite records it when a message names a token
 * ({@code %T}), so {@code near "X": syntax error}, {@code unrecognized token: "X"}, {@code unknown join type}
 * and the function-name messages point at their token, counted from the start of the whole text (a later
 * statement's error lies at its place in that text); {@code incomplete input} and messages that quote no
 * token have -1.
 *
 * <p>Runs of parentheses ({@code ((((x))))}, any number, as SQLite takes them) are parsed without nesting
 * Java calls. Known deviation: other nesting deeper than {@code ParserBase.MAX_NESTING} (parentheses each
 * holding an operator, such as {@code (-(-(-1)))}, or subqueries) is refused with
 * {@code parser stack overflow}, where SQLite reports {@code Expression tree is too large} past a height of
 * 1000 and accepts anything below.
 */
package dev.skerry.engine.parser;
