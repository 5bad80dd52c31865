package dev.skerry.engine.vdbe;

/**
 * Builds a {@link Program}: the translator emits instructions in order, allocates registers and cursors,
 * uses labels for forward jumps, and calls {@link #finish()} once.
 *
 * <p>States: BUILDING (instructions may be added and changed) → FINISHED (after {@link #finish()}; every
 * further call throws {@link IllegalStateException}).
 *
 * <p>Labels: {@link #makeLabel()} returns a negative number that may be used as a jump operand (only in the
 * operands {@link Opcode#jumpMask} marks as addresses); {@link #resolveLabel(int)} binds it to the address of
 * the next instruction emitted; {@link #finish()} replaces every label operand by its address and fails if a
 * label used was never resolved. Addresses are never negative, so other operands may hold negative values.
 *
 * <p>Registers are numbered from 1 ({@link #allocRegister()}, {@link #allocRegisters(int)}); cursors from 0.
 * Growth doubles the arrays; emitting an instruction allocates nothing else.
 */
public final class ProgramBuilder {
    private int size;
    private int[] opcode = new int[32];
    private int[] p1 = new int[32];
    private int[] p2 = new int[32];
    private int[] p3 = new int[32];
    private int[] p5 = new int[32];
    private Object[] p4 = new Object[32];
    private String[] comment = new String[32];

    /** Address of each label, -1 while unresolved; label {@code L} is at index {@code -1 - L}. */
    private int[] labels = new int[16];
    private int labelCount;

    private int registerCount;
    private int cursorCount;
    private String[] columnNames = new String[0];
    private String[] columnDecltypes = new String[0];
    private String[] parameterNames = new String[0];
    private int explainMode = Program.EXPLAIN_NONE;
    private String sql;
    private boolean finished;
    /**
     * The databases (bit {@code i} for database {@code i}, 0 main, 1 temp) the instructions so far open cursors
     * on or change, read or written: the statement's prologue opens a transaction on each.
     */
    private int databasesRead;
    private int databasesWritten;

    public ProgramBuilder() {
    }

    /** Appends an instruction and returns its address. */
    public int addOp(int op, int a1, int a2, int a3, Object a4, int a5) {
        checkBuilding();
        if (op < 0 || op >= Opcode.NUM_OPCODES) {
            throw new IllegalArgumentException("no opcode " + op);
        }
        if (size == opcode.length) {
            grow();
        }
        int addr = size++;
        opcode[addr] = op;
        p1[addr] = a1;
        p2[addr] = a2;
        p3[addr] = a3;
        p4[addr] = a4;
        p5[addr] = a5;
        comment[addr] = null;
        noteDatabase(op, a1, a2, a3);
        return addr;
    }

    private void noteDatabase(int op, int a1, int a2, int a3) {
        int iDb;
        boolean writes = true;
        switch (op) {
            case Opcode.OPEN_READ: iDb = a3; writes = false; break;
            case Opcode.READ_COOKIE: case Opcode.PAGECOUNT: case Opcode.MAX_PGCNT:
                iDb = a1;
                writes = false;
                break;
            case Opcode.INTEGRITY_CK: iDb = a3; writes = false; break;
            case Opcode.OPEN_WRITE: case Opcode.DESTROY: iDb = a3; break;
            case Opcode.CREATE_BTREE: case Opcode.SET_COOKIE: iDb = a1; break;
            case Opcode.CLEAR: iDb = a2; break;
            case Opcode.VACUUM: iDb = a1; writes = a2 == 0; break;
            default: return;
        }
        databasesRead |= 1 << iDb;
        if (writes) {
            databasesWritten |= 1 << iDb;
        }
    }

    /** The databases (bit {@code i} for database {@code i}) the program reads or writes. */
    public int databasesRead() {
        return databasesRead;
    }

    /** The databases other than main the program writes (a subset of {@link #databasesRead()}). */
    public int databasesWritten() {
        return databasesWritten;
    }

    public int addOp(int op) {
        return addOp(op, 0, 0, 0, null, 0);
    }

    public int addOp(int op, int a1) {
        return addOp(op, a1, 0, 0, null, 0);
    }

    public int addOp(int op, int a1, int a2) {
        return addOp(op, a1, a2, 0, null, 0);
    }

    public int addOp(int op, int a1, int a2, int a3) {
        return addOp(op, a1, a2, a3, null, 0);
    }

    public int addOp(int op, int a1, int a2, int a3, Object a4) {
        return addOp(op, a1, a2, a3, a4, 0);
    }

    /** Emits {@code Integer}, or {@code Int64} when {@code v} does not fit in 32 bits; returns the address. */
    public int addInteger(long v, int reg) {
        if (v == (int) v) {
            return addOp(Opcode.INTEGER, (int) v, reg);
        }
        return addOp(Opcode.INT64, 0, reg, 0, Long.valueOf(v));
    }

    /** Emits {@code Real}. */
    public int addReal(double v, int reg) {
        return addOp(Opcode.REAL, 0, reg, 0, Double.valueOf(v));
    }

    /** Emits {@code String8} ({@code Null} when {@code v} is null). */
    public int addString(String v, int reg) {
        if (v == null) {
            return addOp(Opcode.NULL, 0, reg);
        }
        return addOp(Opcode.STRING8, 0, reg, 0, v);
    }

    /** Emits {@code Blob}. */
    public int addBlob(byte[] v, int reg) {
        return addOp(Opcode.BLOB, v.length, reg, 0, v);
    }

    /** The address the next instruction will get. */
    public int currentAddress() {
        return size;
    }

    public int opcodeAt(int addr) {
        return opcode[checkAddress(addr)];
    }

    public void changeOpcode(int addr, int op) {
        opcode[checkAddress(addr)] = op;
    }

    public void changeP1(int addr, int v) {
        p1[checkAddress(addr)] = v;
    }

    public void changeP2(int addr, int v) {
        p2[checkAddress(addr)] = v;
    }

    public void changeP3(int addr, int v) {
        p3[checkAddress(addr)] = v;
    }

    public void changeP4(int addr, Object v) {
        p4[checkAddress(addr)] = v;
    }

    public void changeP5(int addr, int v) {
        p5[checkAddress(addr)] = v;
    }

    /** Sets P5 of the last instruction emitted. */
    public void changeP5(int v) {
        changeP5(size - 1, v);
    }

    /** Makes the jump at {@code addr} (its P2) go to the next instruction emitted. */
    public void jumpHere(int addr) {
        changeP2(addr, size);
    }

    /** Attaches a comment to the last instruction emitted (shown by EXPLAIN). */
    public void comment(String text) {
        comment[checkAddress(size - 1)] = text;
    }

    /** A new unresolved label: a negative number to use as a jump operand. */
    public int makeLabel() {
        checkBuilding();
        if (labelCount == labels.length) {
            int[] n = new int[labelCount * 2];
            System.arraycopy(labels, 0, n, 0, labelCount);
            labels = n;
        }
        labels[labelCount] = -1;
        return -1 - labelCount++;
    }

    /** Binds {@code label} to the address of the next instruction emitted. */
    public void resolveLabel(int label) {
        checkBuilding();
        int k = -1 - label;
        if (k < 0 || k >= labelCount) {
            throw new IllegalArgumentException("not a label: " + label);
        }
        if (labels[k] >= 0) {
            throw new IllegalStateException("label " + label + " resolved twice");
        }
        labels[k] = size;
    }

    /** A fresh register (registers start at 1). */
    public int allocRegister() {
        return ++registerCount;
    }

    /** {@code n} consecutive fresh registers; returns the first. */
    public int allocRegisters(int n) {
        int first = registerCount + 1;
        registerCount += n;
        return first;
    }

    /** The number of registers allocated so far. */
    public int registerCount() {
        return registerCount;
    }

    /** A fresh cursor number (cursors start at 0). */
    public int allocCursor() {
        return cursorCount++;
    }

    /** Declares the result columns: their names and declared types (null entries where none). */
    public void setResultColumns(String[] names, String[] decltypes) {
        if (names.length != decltypes.length) {
            throw new IllegalArgumentException("names and decltypes differ in length");
        }
        columnNames = names.clone();
        columnDecltypes = decltypes.clone();
    }

    /** Declares the parameters: entry {@code i} is the name of parameter {@code i+1}, or null for {@code ?}. */
    public void setParameterNames(String[] names) {
        parameterNames = names.clone();
    }

    /** {@link Program#EXPLAIN_NONE}, {@link Program#EXPLAIN} or {@link Program#EXPLAIN_QUERY_PLAN}. */
    public void setExplainMode(int mode) {
        explainMode = mode;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    /** Resolves labels and returns the finished program; the builder cannot be used afterwards. */
    public Program finish() {
        checkBuilding();
        for (int addr = 0; addr < size; addr++) {
            int mask = Opcode.jumpMask(opcode[addr]);
            if ((mask & 2) != 0) {
                p1[addr] = resolve(p1[addr], addr);
            }
            if ((mask & 4) != 0) {
                p2[addr] = resolve(p2[addr], addr);
            }
            if ((mask & 8) != 0) {
                p3[addr] = resolve(p3[addr], addr);
            }
        }
        finished = true;
        return new Program(size, trim(opcode), trim(p1), trim(p2), trim(p3), trim(p5), trimObjects(p4),
                trimStrings(comment), registerCount, cursorCount, columnNames, columnDecltypes, parameterNames,
                explainMode, sql);
    }

    private int resolve(int operand, int addr) {
        if (operand >= 0) {
            if (operand > size) { // size itself means "halt", as falling off the end does
                throw new IllegalStateException("jump to " + operand + " beyond the program at " + addr);
            }
            return operand;
        }
        int target = labels[-1 - operand];
        if (target < 0) {
            throw new IllegalStateException("unresolved label " + operand + " used at " + addr + " ("
                    + Opcode.name(opcode[addr]) + ")");
        }
        return target;
    }

    private void checkBuilding() {
        if (finished) {
            throw new IllegalStateException("program already finished");
        }
    }

    private int checkAddress(int addr) {
        checkBuilding();
        if (addr < 0 || addr >= size) {
            throw new IllegalArgumentException("no instruction at " + addr);
        }
        return addr;
    }

    private void grow() {
        int n = opcode.length * 2;
        opcode = copy(opcode, n);
        p1 = copy(p1, n);
        p2 = copy(p2, n);
        p3 = copy(p3, n);
        p5 = copy(p5, n);
        Object[] o = new Object[n];
        System.arraycopy(p4, 0, o, 0, size);
        p4 = o;
        String[] c = new String[n];
        System.arraycopy(comment, 0, c, 0, size);
        comment = c;
    }

    private static int[] copy(int[] a, int n) {
        int[] r = new int[n];
        System.arraycopy(a, 0, r, 0, Math.min(a.length, n));
        return r;
    }

    private int[] trim(int[] a) {
        return copy(a, size);
    }

    private Object[] trimObjects(Object[] a) {
        Object[] r = new Object[size];
        System.arraycopy(a, 0, r, 0, size);
        return r;
    }

    private String[] trimStrings(String[] a) {
        String[] r = new String[size];
        System.arraycopy(a, 0, r, 0, size);
        return r;
    }
}
