/**
 * The abstract syntax tree of SQLite's SQL dialect, as built by {@link dev.skerry.engine.parser.Parser}.
 *
 * <p>Nodes are immutable records. Every statement ({@link dev.skerry.engine.parser.ast.Stmt}), every
 * expression ({@link dev.skerry.engine.parser.ast.Expr}), every {@link dev.skerry.engine.parser.ast.Select}
 * and every {@link dev.skerry.engine.parser.ast.ResultColumn} is a {@link dev.skerry.engine.parser.ast.Node}
 * carrying its source span: offsets {@code [start, end)} into the SQL text it was parsed from. SQLite uses
 * those spans for the names of result columns without an alias and for the text it stores in
 * {@code sqlite_schema.sql}.
 *
 * <p>The tree keeps what SQLite's parser keeps and no more: parentheses around an expression leave no node,
 * {@code x IS NULL} becomes {@link dev.skerry.engine.parser.ast.Expr.IsNull}, {@code IS DISTINCT FROM} becomes
 * {@code IS NOT}. Name resolution (which column a name means, whether a double-quoted identifier is in fact a
 * string literal, whether {@code true} is the boolean or a column) is left to the resolver in {@code translate}:
 * identifiers record how they were quoted ({@link dev.skerry.engine.parser.ast.Name}).
 *
 * <p>Optional parts are {@code null} when absent; lists are never {@code null} (empty when absent).
 */
package dev.skerry.engine.parser.ast;
