package dev.skerry.engine.parser;

/**
 * Token types of SQLite's tokenizer ({@code tokenize.c}) and its keyword table. Keywords are matched
 * case-insensitively (ASCII). A keyword that SQLite's grammar lists under {@code %fallback ID} is
 * {@link #isFallbackId fallback}: the parser takes it as an identifier wherever the keyword itself has no
 * meaning. {@code JOIN_KW} (NATURAL, LEFT, RIGHT, FULL, OUTER, INNER, CROSS) and {@code INDEXED} are usable as
 * names too, but only where SQLite's {@code nm} nonterminal is expected.
 */
final class TokenType {
    private TokenType() {
    }

    static final int EOF = 0;
    static final int ILLEGAL = 1;
    static final int ID = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int FLOAT = 5;
    /** A number with digit separators ({@code 1_000}); validated when used as a literal. */
    static final int QNUMBER = 6;
    static final int BLOB = 7;
    static final int VARIABLE = 8;
    static final int SEMI = 9;
    static final int LP = 10;
    static final int RP = 11;
    static final int COMMA = 12;
    static final int DOT = 13;
    static final int PLUS = 14;
    static final int MINUS = 15;
    static final int STAR = 16;
    static final int SLASH = 17;
    static final int REM = 18;
    static final int EQ = 19;
    static final int NE = 20;
    static final int LT = 21;
    static final int LE = 22;
    static final int GT = 23;
    static final int GE = 24;
    static final int LSHIFT = 25;
    static final int RSHIFT = 26;
    static final int BITAND = 27;
    static final int BITOR = 28;
    static final int BITNOT = 29;
    static final int CONCAT = 30;
    static final int PTR = 31;

    /** First keyword type; keyword {@code i} of {@link #KEYWORDS} has type {@code FIRST_KEYWORD + i}. */
    static final int FIRST_KEYWORD = 40;

    /** SQLite's keywords (mkkeywordhash.c), in the order of the constants below. */
    static final String[] KEYWORDS = {
        "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC", "ATTACH",
        "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE",
        "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
        "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC",
        "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE",
        "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL",
        "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED",
        "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST",
        "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL",
        "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA",
        "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX",
        "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS",
        "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION",
        "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL",
        "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT",
    };

    static final int ABORT = 40, ACTION = 41, ADD = 42, AFTER = 43, ALL = 44, ALTER = 45, ALWAYS = 46,
        ANALYZE = 47, AND = 48, AS = 49, ASC = 50, ATTACH = 51, AUTOINCREMENT = 52, BEFORE = 53, BEGIN = 54,
        BETWEEN = 55, BY = 56, CASCADE = 57, CASE = 58, CAST = 59, CHECK = 60, COLLATE = 61, COLUMN = 62,
        COMMIT = 63, CONFLICT = 64, CONSTRAINT = 65, CREATE = 66, CROSS = 67, CURRENT = 68, CURRENT_DATE = 69,
        CURRENT_TIME = 70, CURRENT_TIMESTAMP = 71, DATABASE = 72, DEFAULT = 73, DEFERRABLE = 74, DEFERRED = 75,
        DELETE = 76, DESC = 77, DETACH = 78, DISTINCT = 79, DO = 80, DROP = 81, EACH = 82, ELSE = 83, END = 84,
        ESCAPE = 85, EXCEPT = 86, EXCLUDE = 87, EXCLUSIVE = 88, EXISTS = 89, EXPLAIN = 90, FAIL = 91,
        FILTER = 92, FIRST = 93, FOLLOWING = 94, FOR = 95, FOREIGN = 96, FROM = 97, FULL = 98, GENERATED = 99,
        GLOB = 100, GROUP = 101, GROUPS = 102, HAVING = 103, IF = 104, IGNORE = 105, IMMEDIATE = 106, IN = 107,
        INDEX = 108, INDEXED = 109, INITIALLY = 110, INNER = 111, INSERT = 112, INSTEAD = 113, INTERSECT = 114,
        INTO = 115, IS = 116, ISNULL = 117, JOIN = 118, KEY = 119, LAST = 120, LEFT = 121, LIKE = 122,
        LIMIT = 123, MATCH = 124, MATERIALIZED = 125, NATURAL = 126, NO = 127, NOT = 128, NOTHING = 129,
        NOTNULL = 130, NULL = 131, NULLS = 132, OF = 133, OFFSET = 134, ON = 135, OR = 136, ORDER = 137,
        OTHERS = 138, OUTER = 139, OVER = 140, PARTITION = 141, PLAN = 142, PRAGMA = 143, PRECEDING = 144,
        PRIMARY = 145, QUERY = 146, RAISE = 147, RANGE = 148, RECURSIVE = 149, REFERENCES = 150, REGEXP = 151,
        REINDEX = 152, RELEASE = 153, RENAME = 154, REPLACE = 155, RESTRICT = 156, RETURNING = 157,
        RIGHT = 158, ROLLBACK = 159, ROW = 160, ROWS = 161, SAVEPOINT = 162, SELECT = 163, SET = 164,
        TABLE = 165, TEMP = 166, TEMPORARY = 167, THEN = 168, TIES = 169, TO = 170, TRANSACTION = 171,
        TRIGGER = 172, UNBOUNDED = 173, UNION = 174, UNIQUE = 175, UPDATE = 176, USING = 177, VACUUM = 178,
        VALUES = 179, VIEW = 180, VIRTUAL = 181, WHEN = 182, WHERE = 183, WINDOW = 184, WITH = 185,
        WITHOUT = 186;

    private static final int LAST_KEYWORD = WITHOUT;

    /** Keywords SQLite's grammar lets fall back to ID (parse.y {@code %fallback ID}). */
    private static final int[] FALLBACK = {
        ABORT, ACTION, AFTER, ANALYZE, ASC, ATTACH, BEFORE, BEGIN, BY, CASCADE, CAST, COLUMN, CONFLICT, DATABASE,
        DEFERRED, DESC, DETACH, DO, EACH, END, EXCLUSIVE, EXPLAIN, FAIL, FOR, IGNORE, IMMEDIATE, INITIALLY,
        INSTEAD, LIKE, GLOB, REGEXP, MATCH, NO, PLAN, QUERY, KEY, OF, OFFSET, PRAGMA, RAISE, RECURSIVE, RELEASE,
        REPLACE, RESTRICT, ROW, ROWS, ROLLBACK, SAVEPOINT, TEMP, TEMPORARY, TRIGGER, VACUUM, VIEW, VIRTUAL, WITH,
        WITHOUT, NULLS, FIRST, LAST, CURRENT, FOLLOWING, PARTITION, PRECEDING, RANGE, UNBOUNDED, EXCLUDE, GROUPS,
        OTHERS, TIES, GENERATED, ALWAYS, MATERIALIZED, REINDEX, RENAME, CURRENT_TIME, CURRENT_DATE,
        CURRENT_TIMESTAMP, IF,
    };

    private static final boolean[] IS_FALLBACK = new boolean[LAST_KEYWORD + 1];

    /** Open-addressing table of keyword types by a case-insensitive hash of their text. */
    private static final int[] HASH_TABLE = new int[512];

    static {
        for (int t : FALLBACK) {
            IS_FALLBACK[t] = true;
        }
        for (int i = 0; i < KEYWORDS.length; i++) {
            String k = KEYWORDS[i];
            int h = hash(k, 0, k.length()) & (HASH_TABLE.length - 1);
            while (HASH_TABLE[h] != 0) {
                h = (h + 1) & (HASH_TABLE.length - 1);
            }
            HASH_TABLE[h] = FIRST_KEYWORD + i;
        }
    }

    private static int hash(String s, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = h * 31 + (s.charAt(i) & 0xDF);
        }
        return h ^ (h >>> 9);
    }

    /** The keyword type of {@code s[from..to)}, or {@link #ID} if it is no keyword. */
    static int keyword(String s, int from, int to) {
        int n = to - from;
        if (n < 2 || n > 17) {
            return ID;
        }
        int h = hash(s, from, to) & (HASH_TABLE.length - 1);
        while (HASH_TABLE[h] != 0) {
            String k = KEYWORDS[HASH_TABLE[h] - FIRST_KEYWORD];
            if (k.length() == n && sameIgnoringAsciiCase(k, s, from)) {
                return HASH_TABLE[h];
            }
            h = (h + 1) & (HASH_TABLE.length - 1);
        }
        return ID;
    }

    private static boolean sameIgnoringAsciiCase(String upper, String s, int from) {
        for (int i = 0; i < upper.length(); i++) {
            char c = s.charAt(from + i);
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True for ID and for keywords that fall back to ID. */
    static boolean isFallbackId(int type) {
        return type == ID || (type >= FIRST_KEYWORD && type <= LAST_KEYWORD && IS_FALLBACK[type]);
    }

    /** True for the JOIN_KW class: NATURAL LEFT RIGHT FULL OUTER INNER CROSS. */
    static boolean isJoinKeyword(int type) {
        return type == NATURAL || type == LEFT || type == RIGHT || type == FULL || type == OUTER || type == INNER
            || type == CROSS;
    }
}
