package dev.skerry.engine.parser;

import dev.skerry.engine.parser.ast.Stmt;

import java.util.List;

/**
 * The outcome of {@link Parser#parseFirst}: the first statement at or after the offset and where the text
 * after it begins.
 *
 * @param statement      the statement, or {@code null} when only whitespace, comments and semicolons remained
 * @param tailOffset     offset just after the statement's terminating semicolon (or the end of the text): where
 *                       the next statement may begin, as SQLite's {@code pzTail}
 * @param parameterCount the largest parameter number used ({@code sqlite3_bind_parameter_count})
 * @param parameterNames names by parameter number minus one ({@code sqlite3_bind_parameter_name}):
 *                       {@code :a}, {@code @a}, {@code $a}, {@code ?NNN} as written; {@code null} for {@code ?}
 *                       and for numbers never used
 */
public record ParseResult(Stmt statement, int tailOffset, int parameterCount, List<String> parameterNames) {
}
