/**
 * The translator: turns one statement's syntax tree ({@code dev.skerry.engine.parser.ast}) into a
 * {@link dev.skerry.engine.vdbe.Program} of SQLite's opcodes, resolving names against the
 * {@link dev.skerry.engine.schema.Schema} and choosing how to reach the rows (the planner).
 *
 * <p>The entry point is {@link dev.skerry.engine.translate.Translator#compile}, called by
 * {@code Connection.prepare}. The pieces, as SQLite's {@code build.c}, {@code select.c}, {@code expr.c},
 * {@code where.c}, {@code insert.c}, {@code update.c} and {@code delete.c} divide the work:
 * <ul>
 *   <li>{@link dev.skerry.engine.translate.Parse}: the state of one compilation (the program being built,
 *       the constants hoisted into the prologue, the transaction the statement needs);</li>
 *   <li>{@link dev.skerry.engine.translate.Scope} and {@link dev.skerry.engine.translate.Source}: the tables
 *       and subqueries an expression may name, and how to read their columns;</li>
 *   <li>{@link dev.skerry.engine.translate.ExprCoder}: expressions to registers and to conditional jumps, with
 *       SQLite's affinity and collation rules ({@link dev.skerry.engine.translate.ExprInfo});</li>
 *   <li>the planner, after SQLite's {@code where.c}: {@link dev.skerry.engine.translate.JoinOrder} chooses the
 *       order of inner joins by estimated cost ({@link dev.skerry.engine.translate.WhereCost}: SQLite's
 *       estimates without statistics); {@link dev.skerry.engine.translate.WherePlanner} chooses each loop's
 *       access path ({@link dev.skerry.engine.translate.WherePlan}: scan, rowid, index, automatic index
 *       ({@link dev.skerry.engine.translate.AutoIndexPlan}), MULTI-INDEX OR
 *       ({@link dev.skerry.engine.translate.MultiIndexOr}), with IN lists, IN subqueries and ORs of
 *       equalities ({@link dev.skerry.engine.translate.OrTerms}) as seeks); {@link
 *       dev.skerry.engine.translate.WhereLoop} emits the nested loops ({@link
 *       dev.skerry.engine.translate.AutoIndexCoder} the automatic indexes) and their EXPLAIN QUERY PLAN lines,
 *       whose subquery numbers come from {@link dev.skerry.engine.translate.SelectIds}, with
 *       {@link dev.skerry.engine.translate.RightJoins} (the unmatched-rows passes of RIGHT and FULL joins) and
 *       {@link dev.skerry.engine.translate.FunctionScan} (the level of a
 *       {@link dev.skerry.engine.translate.TableFunction} such as generate_series);</li>
 *   <li>statement coders: {@link dev.skerry.engine.translate.SelectCoder},
 *       {@link dev.skerry.engine.translate.InsertCoder}, {@link dev.skerry.engine.translate.UpdateCoder},
 *       {@link dev.skerry.engine.translate.DeleteCoder}, {@link dev.skerry.engine.translate.SchemaCoder}
 *       (CREATE/DROP, REINDEX), {@link dev.skerry.engine.translate.AlterCoder} (ALTER TABLE, with the text
 *       edits of {@link dev.skerry.engine.translate.SqlEdits});</li>
 *   <li>triggers ({@code trigger.c}): {@link dev.skerry.engine.translate.TriggerCoder} compiles each trigger
 *       a statement fires into a sub-program run by the {@code Program} opcode, and
 *       {@link dev.skerry.engine.translate.InsteadOfCoder} writes to views through their INSTEAD OF
 *       triggers.</li>
 *   <li>foreign keys ({@code fkey.c}): {@link dev.skerry.engine.translate.ForeignKey} (one constraint, read
 *       from its table's CREATE text; its parent key), {@link dev.skerry.engine.translate.ForeignKeys} (the
 *       schema's constraints by child and by parent), {@link dev.skerry.engine.translate.ForeignKeyCoder} (the
 *       checks and actions around each row INSERT, UPDATE, DELETE, REPLACE and DROP TABLE write, called from
 *       their coders and {@link dev.skerry.engine.translate.RowWriter}) and
 *       {@link dev.skerry.engine.translate.ForeignKeyCheck} ({@code PRAGMA foreign_key_check}).</li>
 *   <li>{@link dev.skerry.engine.translate.PragmaCoder}: PRAGMA statements, over the connection's
 *       {@link dev.skerry.engine.translate.ConnectionPragmas}; the schema-describing rows come from
 *       {@link dev.skerry.engine.translate.SchemaPragmas}, values are read as SQLite reads them
 *       ({@link dev.skerry.engine.translate.PragmaValues}), tables are visited in SQLite's hash order
 *       ({@link dev.skerry.engine.translate.TableHashOrder}).</li>
 *   <li>{@link dev.skerry.engine.translate.WindowCoder} (with {@link dev.skerry.engine.translate.WindowDefs}):
 *       a query core with window functions, as stages that sort, partition and hand each partition to the
 *       {@code Window} instruction.</li>
 * </ul>
 *
 * <p>Generated programs follow SQLite's shape: {@code Init} jumps to a prologue at the end that opens the
 * transaction ({@code Transaction} with the schema cookie), loads constants once, and jumps back.
 */
package dev.skerry.engine.translate;
