package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;

/**
 * The register arithmetic of AUTOINCREMENT ({@code NewRowid} with P3, {@code MemMax}), as SQLite's vdbe.c:
 * the register holds the largest rowid the table ever used (its {@code sqlite_sequence.seq}), and a new rowid
 * is larger than it and than every rowid in the table; at the largest 64-bit integer there is no new rowid
 * ({@code SQLITE_FULL}), never a random one.
 */
final class Autoincrement {
    private Autoincrement() {
    }

    private static final String FULL = "database or disk is full";

    /** A new rowid for table cursor {@code c} into {@code out}, above {@code seq}, which becomes it. */
    static void newRowid(VdbeCursor c, Mem seq, Mem out) throws IoPending, SqliteException {
        long max = c.maxRowid();
        long used = seq.type() == Mem.INTEGER ? seq.longValue() : Convert.toLong(seq);
        if (max == Long.MAX_VALUE || used == Long.MAX_VALUE) {
            throw new SqliteException(ResultCode.SQLITE_FULL, FULL);
        }
        long v = Math.max(max, used) + 1;
        seq.setLong(v);
        out.setLong(v);
    }

    /** {@code MemMax}: {@code seq} becomes the larger of its integer value and {@code rowid}'s. */
    static void memMax(Mem seq, Mem rowid) {
        long used = seq.type() == Mem.INTEGER ? seq.longValue() : Convert.toLong(seq);
        long v = rowid.type() == Mem.INTEGER ? rowid.longValue() : Convert.toLong(rowid);
        seq.setLong(Math.max(used, v));
    }
}
