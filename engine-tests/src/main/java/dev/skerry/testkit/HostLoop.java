package dev.skerry.testkit;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of the engine's step protocol for JVM tests: call a step method; on IO run the VFS's pending
 * I/O and call it again. Values of result rows are returned as Java objects: {@code Long}, {@code Double},
 * {@code String}, {@code byte[]} or {@code null}, as sqlite-jdbc's {@code getObject} gives them.
 */
public final class HostLoop {
    private HostLoop() {
    }

    private static final int MAX_ROUNDS = 10_000_000;

    /** Opens a connection to {@code path} and drives {@code openStep} to DONE. */
    public static Connection open(Vfs vfs, String path) throws SqliteException {
        Connection c = Connection.open(vfs, path);
        int rounds = 0;
        while (c.openStep() == StepResult.IO) {
            runIo(vfs, c.pendingIo(), rounds++);
        }
        return c;
    }

    /** One step of {@code s} to ROW or DONE. */
    public static StepResult step(Statement s, Vfs vfs) throws SqliteException {
        StepResult r;
        int rounds = 0;
        while ((r = s.step()) == StepResult.IO) {
            runIo(vfs, s.pendingIo(), rounds++);
        }
        return r;
    }

    /** Runs {@code s} to its end and returns its rows. */
    public static List<List<Object>> rows(Statement s, Vfs vfs) throws SqliteException {
        List<List<Object>> out = new ArrayList<>();
        while (step(s, vfs) == StepResult.ROW) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < s.columnCount(); i++) {
                row.add(value(s, i));
            }
            out.add(row);
        }
        return out;
    }

    /** Column {@code i} of the current row as a Java object. */
    public static Object value(Statement s, int i) throws SqliteException {
        Mem m = new Mem();
        s.columnValue(i, m);
        return value(m);
    }

    /** The value of {@code m} as a Java object. */
    public static Object value(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return m.longValue();
            case Mem.FLOAT: return m.doubleValue();
            case Mem.TEXT: return m.text();
            case Mem.BLOB: return m.blob();
            default: return null;
        }
    }

    /** Drives {@code closeStep} to DONE. */
    public static void close(Connection c, Vfs vfs) throws SqliteException {
        int rounds = 0;
        while (c.closeStep() == StepResult.IO) {
            runIo(vfs, c.pendingIo(), rounds++);
        }
    }

    /** Runs the VFS's pending I/O; an IO result with nothing pending anywhere is an engine bug. */
    private static void runIo(Vfs vfs, List<Completion> pending, int rounds) {
        if (rounds > MAX_ROUNDS) {
            throw new IllegalStateException("step never finishes");
        }
        if (!vfs.runPendingIo()) {
            for (Completion c : pending) {
                if (!c.isDone()) {
                    throw new IllegalStateException("IO result waiting on a completion nothing will finish");
                }
            }
        }
    }
}
