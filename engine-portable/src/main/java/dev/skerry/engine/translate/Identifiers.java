package dev.skerry.engine.translate;

/**
 * Identifiers written back into SQL text as SQLite writes them ({@code identPut} in {@code build.c}): a name
 * is double-quoted (with embedded quotes doubled) unless it is a plain word of letters, digits and
 * underscores not starting with a digit and not one of SQLite's keywords (lang_keywords.html).
 */
final class Identifiers {
    private Identifiers() {
    }

    private static final String KEYWORDS = " ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH"
            + " AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT"
            + " CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT"
            + " DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE"
            + " EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP"
            + " GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO"
            + " IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL"
            + " NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE"
            + " RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK"
            + " ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED"
            + " UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT ";

    static boolean isKeyword(String word) {
        StringBuilder upper = new StringBuilder(word.length() + 2).append(' ');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return KEYWORDS.contains(upper.append(' ').toString());
    }

    /** {@code name}, quoted when SQLite would quote it. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && !(name.charAt(0) >= '0' && name.charAt(0) <= '9');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c >= 0x80;
        }
        if (plain && !isKeyword(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** SQLite's {@code identLength}: the length the quoted form may take, used to choose a layout. */
    static int length(String name) {
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            n += name.charAt(i) == '"' ? 2 : 1;
        }
        return n + 2;
    }
}
