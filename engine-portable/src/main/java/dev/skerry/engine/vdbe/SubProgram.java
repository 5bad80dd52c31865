package dev.skerry.engine.vdbe;

/**
 * The P4 of a {@code Program} instruction (SQLite's {@code SubProgram}): a trigger compiled as a program of
 * its own, run in a new frame of registers and cursors.
 *
 * <p>States: EMPTY while the trigger is being compiled (a trigger whose body fires itself refers to its own
 * sub-program before it is finished) → SET once {@link #set} stores the finished program; the VM only runs
 * SET sub-programs. {@code token} identifies the trigger: a frame whose sub-program has the same token is the
 * same trigger running (what the recursion check compares, as SQLite compares {@code SubProgram.token}).
 */
public final class SubProgram {
    private final Object token;
    private Program program;

    public SubProgram(Object token) {
        this.token = token;
    }

    /** Stores the compiled program; called once. */
    public void set(Program program) {
        this.program = program;
    }

    Program program() {
        return program;
    }

    Object token() {
        return token;
    }

    /** What EXPLAIN shows as P4, as SQLite shows it (the comment column names the trigger). */
    @Override
    public String toString() {
        return "program";
    }
}
