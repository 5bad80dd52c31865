package dev.skerry.engine.vdbe;

/**
 * A compiled statement: the instructions the {@link Vm} runs plus what the API reports about the statement
 * (result column names and declared types, parameters, EXPLAIN mode).
 *
 * <p>Instructions are stored column-wise in parallel arrays indexed by address: {@code opcode}, {@code p1},
 * {@code p2}, {@code p3}, {@code p5} as ints, {@code p4} as objects, and an optional comment. The P4 kinds:
 * <ul>
 *   <li>{@code Integer} (SQLite's P4_INT32), {@code Long} (P4_INT64), {@code Double} (P4_REAL),
 *       {@code String} (text: String8's value, Affinity/MakeRecord affinity strings, Halt messages, table
 *       names), {@code byte[]} (Blob's value);</li>
 *   <li>{@link dev.skerry.engine.value.Collation} for comparisons (P4_COLLSEQ); a KeyInfo for cursors,
 *       sorters and Compare (P4_KEYINFO); a function object of the function registry for Function, AggStep,
 *       AggFinal and AggValue (P4_FUNCDEF); {@code int[]} for Permutation (P4_INTARRAY).</li>
 * </ul>
 *
 * <p>Invariants: a Program is immutable once {@link ProgramBuilder#finish()} returns it (the arrays are never
 * written again), so one Program may be run by several VMs; every jump operand (see {@link
 * Opcode#jumpMask}) holds an address in {@code [0, size())}, or 0 where the opcode allows "no jump"; registers
 * used are in {@code [1, registerCount()]} and cursors in {@code [0, cursorCount())}.
 */
public final class Program {
    /** {@link #explainMode()}: an ordinary statement. */
    public static final int EXPLAIN_NONE = 0;
    /** {@link #explainMode()}: EXPLAIN (the result rows list the instructions). */
    public static final int EXPLAIN = 1;
    /** {@link #explainMode()}: EXPLAIN QUERY PLAN (the result rows are the Explain instructions). */
    public static final int EXPLAIN_QUERY_PLAN = 2;

    final int size;
    final int[] opcode;
    final int[] p1;
    final int[] p2;
    final int[] p3;
    final int[] p5;
    final Object[] p4;
    final String[] comment;
    final int registerCount;
    final int cursorCount;
    final String[] columnNames;
    final String[] columnDecltypes;
    final String[] parameterNames;
    final int explainMode;
    final String sql;

    Program(int size, int[] opcode, int[] p1, int[] p2, int[] p3, int[] p5, Object[] p4, String[] comment,
            int registerCount, int cursorCount, String[] columnNames, String[] columnDecltypes,
            String[] parameterNames, int explainMode, String sql) {
        this.size = size;
        this.opcode = opcode;
        this.p1 = p1;
        this.p2 = p2;
        this.p3 = p3;
        this.p5 = p5;
        this.p4 = p4;
        this.comment = comment;
        this.registerCount = registerCount;
        this.cursorCount = cursorCount;
        this.columnNames = columnNames;
        this.columnDecltypes = columnDecltypes;
        this.parameterNames = parameterNames;
        this.explainMode = explainMode;
        this.sql = sql;
    }

    /** The number of instructions. */
    public int size() {
        return size;
    }

    public int opcode(int addr) {
        return opcode[addr];
    }

    public int p1(int addr) {
        return p1[addr];
    }

    public int p2(int addr) {
        return p2[addr];
    }

    public int p3(int addr) {
        return p3[addr];
    }

    public Object p4(int addr) {
        return p4[addr];
    }

    public int p5(int addr) {
        return p5[addr];
    }

    /** The comment the translator attached to the instruction, or null. */
    public String comment(int addr) {
        return comment[addr];
    }

    /** Registers are numbered {@code 1..registerCount()} (register 0 is never used, as in SQLite). */
    public int registerCount() {
        return registerCount;
    }

    /** Cursors are numbered {@code 0..cursorCount()-1}. */
    public int cursorCount() {
        return cursorCount;
    }

    /** The number of result columns of the statement (not of its EXPLAIN). */
    public int columnCount() {
        return columnNames.length;
    }

    public String columnName(int i) {
        return columnNames[i];
    }

    /** The declared type of result column {@code i} when it is a table column, else null. */
    public String columnDecltype(int i) {
        return columnDecltypes[i];
    }

    /** The number of parameters: the largest parameter number used. */
    public int parameterCount() {
        return parameterNames.length;
    }

    /** The name of parameter {@code i} (1-based) with its prefix character ({@code :a}, {@code ?3}), or null for a plain {@code ?}. */
    public String parameterName(int i) {
        return parameterNames[i - 1];
    }

    public int explainMode() {
        return explainMode;
    }

    /** The SQL text the program was compiled from (the statement only, without what follows it), or null. */
    public String sql() {
        return sql;
    }
}
