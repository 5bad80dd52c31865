/**
 * The write-ahead log: SQLite's WAL file format, written and read by Skerry, with the frame index kept in
 * memory instead of a {@code -shm} file. The pager commits through {@link dev.skerry.engine.wal.Wal#commit},
 * reads pages that are in the log through {@link dev.skerry.engine.wal.Wal#findFrame} and
 * {@link dev.skerry.engine.wal.Wal#readFrame}, and moves the log back into the database file with
 * {@link dev.skerry.engine.wal.Wal#checkpoint}. States and invariants are documented on {@code Wal}.
 *
 * <h2>File format (https://sqlite.org/fileformat2.html#walformat)</h2>
 * All integers are 32-bit big-endian, whatever the checksum byte order.
 * <pre>
 * WAL header, 32 bytes, at offset 0:
 *    0  magic            0x377f0682: checksum words little-endian; 0x377f0683: big-endian.
 *                        Both are read; Skerry writes 0x377f0683 when it starts a new header, and keeps the
 *                        byte order of an existing header when it appends to it.
 *    4  format version   3007000 (another value: SQLITE_CANTOPEN, as in SQLite)
 *    8  page size        512..65536, a power of two (65536 is stored as is)
 *   12  checkpoint seq   incremented each time a new header follows a previous one
 *   16  salt-1           previous salt-1 + 1 for each new header (random for the first)
 *   20  salt-2           random for each new header
 *   24  checksum-1       checksum of bytes 0..23, seeded with (0, 0)
 *   28  checksum-2
 * then frames, frame N (1-based) at 32 + (N-1) * (24 + page size):
 *    0  page number      never 0
 *    4  commit size      for the last frame of a transaction (commit frame): database size in pages after
 *                        the commit; 0 for every other frame
 *    8  salt-1           copied from the header
 *   12  salt-2           copied from the header
 *   16  checksum-1       cumulative: seeded with the previous frame's checksum (the header's for frame 1),
 *   20  checksum-2       run over frame bytes 0..7 and then the page image
 *   24  page image       page size bytes
 * </pre>
 * The checksum: for each pair of 32-bit words (x0, x1) in the chosen byte order, s0 += x0 + s1, then
 * s1 += x1 + s0, modulo 2^32.
 *
 * <h2>Validity (recovery)</h2>
 * A header is valid if its magic and page size are, and its checksum matches; an invalid header makes the
 * whole log empty. Frames are valid in order from frame 1 while the page number is not 0, both salts equal
 * the header's and the cumulative checksum matches; the first invalid frame ends the log. Only frames up to
 * the last valid commit frame count: a transaction exists entirely or not at all. Frames of an older
 * generation (older salts) and a torn last frame are therefore ignored.
 *
 * <h2>Durability order</h2>
 * A commit writes its frames and syncs the log before it is published; a new header written over a file that
 * may hold older frames is synced before the first frame of the new generation. A checkpoint syncs the
 * database before it truncates the log to zero bytes (and syncs that). Skerry never writes {@code -shm};
 * SQLite rebuilds its own wal-index from the log when it opens a database whose {@code -wal} has no
 * {@code -shm}.
 */
package dev.skerry.engine.wal;
