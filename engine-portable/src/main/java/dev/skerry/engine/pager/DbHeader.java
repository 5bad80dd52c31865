package dev.skerry.engine.pager;

/**
 * The 100-byte database header at the start of page 1 (fileformat2 §1.3). All multi-byte fields are
 * big-endian. Offsets:
 * <pre>
 *   0  16  "SQLite format 3\0"
 *  16   2  page size (1 means 65536)
 *  18   1  file format write version (1 legacy/rollback journal, 2 WAL)
 *  19   1  file format read version (1 legacy, 2 WAL)
 *  20   1  bytes of unused "reserved" space at the end of each page
 *  21   1  maximum embedded payload fraction, must be 64
 *  22   1  minimum embedded payload fraction, must be 32
 *  23   1  leaf payload fraction, must be 32
 *  24   4  file change counter
 *  28   4  database size in pages (valid when offset 92 equals offset 24)
 *  32   4  first freelist trunk page (0 when none)
 *  36   4  total number of freelist pages
 *  40   4  schema cookie
 *  44   4  schema format number (1..4)
 *  48   4  default page cache size
 *  52   4  largest root b-tree page in auto-vacuum mode, else 0
 *  56   4  text encoding (1 UTF-8, 2 UTF-16le, 3 UTF-16be)
 *  60   4  user version (PRAGMA user_version)
 *  64   4  non-zero for incremental vacuum
 *  68   4  application id (PRAGMA application_id)
 *  72  20  reserved for expansion, zero
 *  92   4  version-valid-for: the change counter value when the SQLite version number was stored
 *  96   4  SQLITE_VERSION_NUMBER of the library that last wrote the file
 * </pre>
 */
public final class DbHeader {
    private DbHeader() {
    }

    public static final int SIZE = 100;
    public static final int PAGE_SIZE = 16;
    public static final int WRITE_VERSION = 18;
    public static final int READ_VERSION = 19;
    public static final int RESERVED = 20;
    public static final int CHANGE_COUNTER = 24;
    public static final int DB_SIZE = 28;
    public static final int FREELIST_TRUNK = 32;
    public static final int FREELIST_COUNT = 36;
    public static final int SCHEMA_COOKIE = 40;
    public static final int SCHEMA_FORMAT = 44;
    public static final int DEFAULT_CACHE_SIZE = 48;
    public static final int AUTOVACUUM_ROOT = 52;
    public static final int TEXT_ENCODING = 56;
    public static final int USER_VERSION = 60;
    public static final int INCREMENTAL_VACUUM = 64;
    public static final int APPLICATION_ID = 68;
    public static final int VERSION_VALID_FOR = 92;
    public static final int SQLITE_VERSION = 96;

    /** The version number Skerry writes at offset 96 (the SQLite it is compatible with). */
    public static final int VERSION_NUMBER = 3050003;

    private static final byte[] MAGIC = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0};

    public static int get4(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public static void put4(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static int get2(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    public static void put2(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** True when {@code b} starts with the header string. */
    public static boolean hasMagic(byte[] b) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (b[k] != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    /** The page size stored in the header, or 0 when it is not a power of two in 512..65536. */
    public static int pageSize(byte[] b) {
        int v = get2(b, PAGE_SIZE);
        int size = v == 1 ? 65536 : v;
        if (size < 512 || size > 65536 || (size & (size - 1)) != 0) {
            return 0;
        }
        return size;
    }

    /**
     * Writes the header and an empty sqlite_schema table leaf of a new database into page 1 ({@code page}
     * is zero-filled and {@code pageSize} long), as SQLite initialises a new WAL-mode database.
     */
    public static void initialise(byte[] page, int pageSize) {
        System.arraycopy(MAGIC, 0, page, 0, MAGIC.length);
        put2(page, PAGE_SIZE, pageSize == 65536 ? 1 : pageSize);
        page[WRITE_VERSION] = 2;
        page[READ_VERSION] = 2;
        page[RESERVED] = 0;
        page[21] = 64;
        page[22] = 32;
        page[23] = 32;
        put4(page, DB_SIZE, 1);
        put4(page, SCHEMA_FORMAT, 4);
        put4(page, TEXT_ENCODING, 1);
        put4(page, SQLITE_VERSION, VERSION_NUMBER);
        // sqlite_schema: an empty table leaf right after the header; content starts at the page end.
        page[SIZE] = 0x0d;
        put2(page, SIZE + 5, pageSize == 65536 ? 0 : pageSize);
    }
}
