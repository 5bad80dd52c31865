/**
 * The virtual database engine: the register machine that runs compiled statements (SQLite's VDBE).
 *
 * <p>The translator turns a statement's syntax tree into a {@link dev.skerry.engine.vdbe.Program} through a
 * {@link dev.skerry.engine.vdbe.ProgramBuilder}; the opcodes are SQLite's, listed with their semantics (and
 * every deviation) in {@link dev.skerry.engine.vdbe.Opcode}. A {@link dev.skerry.engine.vdbe.Vm} runs a
 * program one instruction at a time over a register file of {@link dev.skerry.engine.value.Mem} cells and a
 * table of cursors: {@code BTreeVdbeCursor} (a table or index b-tree of the database, over the storage
 * layer's {@code BTreeCursor}), {@code PseudoCursor} (one record in a register), {@code SorterCursor} (ORDER
 * BY and GROUP BY: records sorted in memory by a KeyInfo), {@code EphemeralTableCursor} and
 * {@code EphemeralIndexCursor} (in-memory temporary tables keyed by rowid or by record). Records are compared
 * in place, field by field, by {@code RecordCompare}; functions are called through {@code FunctionCalls},
 * which is also the {@link dev.skerry.engine.func.FunctionContext} they see; {@code WindowOp} runs the window
 * functions of a partition buffered in an ephemeral table. {@link
 * dev.skerry.engine.vdbe.Explainer} renders EXPLAIN rows.
 *
 * <p>Triggers: a {@code Program} instruction runs a trigger's {@link dev.skerry.engine.vdbe.SubProgram} in a
 * new frame of registers and cursors ({@code TriggerFrames}, {@code VdbeFrame}); the VM switches between the
 * statement's program and the innermost frame's, and an error or a reset leaves every frame at once.
 *
 * <p>Transactions: the VMs of one connection share a {@link dev.skerry.engine.vdbe.ConnectionState}
 * (autocommit flag, named savepoints, counters, the running and writing VMs); each VM's part in it (its
 * write flag, statement savepoint, commit phase and change count) is a {@code StatementTxn}. {@code Transaction} opens the
 * pager's read or write transaction; a write statement inside an explicit transaction (or while another
 * statement writes) also opens a pager savepoint, so that an error undoes only that statement. In autocommit
 * mode the last writing statement commits at {@code Halt}; a failing one rolls the transaction back.
 * Commit is the pager's re-callable state machine: the halting instruction keeps its phase in the VM and
 * reports IO until the commit is durable.
 *
 * <p>Foreign keys: {@code FkCounter} and {@code FkIfZero} ({@code ForeignKeyOps}) count violations in the
 * statement's {@code StatementTxn} (immediate: a statement halting with violations outstanding fails and is
 * undone) or in the connection's {@link dev.skerry.engine.vdbe.ForeignKeyCounters} (deferred: COMMIT, or the
 * last writer in autocommit mode, fails while any is outstanding; a failing COMMIT leaves the transaction open).
 *
 * <p>I/O: an instruction that needs a page not yet in memory gets an {@link dev.skerry.engine.io.IoPending}
 * from below; the step loop lets it out to the host (the public API turns it into {@code StepResult.IO}) and,
 * on the next step, runs the same instruction again from its start. The program counter advances only when
 * an instruction completes, so every instruction changes no lasting state before its last possible I/O;
 * the few whose work spans several waits (Halt's commit, Count, Clear's row count, schema reading,
 * IntegrityCk's {@code IntegrityCheck} and Checkpoint, both run by {@code PragmaOps}) keep their progress in
 * explicit fields.
 */
package dev.skerry.engine.vdbe;
