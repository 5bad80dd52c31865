/**
 * The virtual database engine: the register machine that runs compiled statements (SQLite's VDBE).
 *
 * <p>The translator turns a statement's syntax tree into a {@link dev.skerry.engine.vdbe.Program} through a
 * {@link dev.skerry.engine.vdbe.ProgramBuilder}; the opcodes are SQLite's, listed with their semantics in
 * {@link dev.skerry.engine.vdbe.Opcode}. A {@code Vm} runs a program one instruction at a time over a
 * register file of {@link dev.skerry.engine.value.Mem} cells and a table of cursors (b-tree cursors of the
 * {@code btree} package, pseudo-cursors, sorters and in-memory ephemeral tables).
 *
 * <p>I/O: an instruction that needs a page not yet in memory gets an {@link dev.skerry.engine.io.IoPending}
 * from below; the step loop returns {@code IO} to the host with its completions and, on the next step, runs
 * the same instruction again from its start. The program counter advances only when an instruction
 * completes, so every instruction changes no lasting state before its last possible I/O.
 */
package dev.skerry.engine.vdbe;
