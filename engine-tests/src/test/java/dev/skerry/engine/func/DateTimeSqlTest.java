package dev.skerry.engine.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The date and time functions compared with SQLite 3.50.3 over seeded random time values (every input form),
 * chains of modifiers (every modifier) and strftime formats (every conversion), row by row; then 'now', which
 * cannot be compared exactly, for its shape and for being one value within a statement.
 */
class DateTimeSqlTest {
    private static final String[] UNITS = {"day", "days", "hour", "hours", "minute", "minutes", "second",
        "seconds", "month", "months", "year", "years", "DAYS", "Month", " days", "fortnight", "s", "dayss"};
    private static final String[] NAMED = {"start of month", "start of year", "start of day", "START OF MONTH",
        "start of week", "start of  day", "unixepoch", "julianday", "auto", "ceiling", "floor", "subsec",
        "subsecond", "weekday 0", "weekday 1", "weekday 3", "weekday 6", "weekday 7", "weekday 2.5",
        "weekday -1", "WEEKDAY 4", "weekday  5", "weekday", "utc ", "", "now", "+", "-", "1", "+5",
        "localtimex", "unixepoch "};
    private static final String[] CONVERSIONS = {"d", "e", "f", "F", "G", "g", "H", "I", "j", "J", "k", "l",
        "m", "M", "p", "P", "R", "s", "S", "T", "u", "U", "V", "w", "W", "Y", "%", "D", "a", "c", "x", "z"};

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String year(Random r) {
        int pick = r.nextInt(10);
        int y = pick < 6 ? 1900 + r.nextInt(200) : pick < 8 ? r.nextInt(10000) : pick < 9 ? 9990 + r.nextInt(10)
                : r.nextInt(3);
        String s = Integer.toString(y);
        while (s.length() < 4) {
            s = "0" + s;
        }
        if (r.nextInt(20) == 0) {
            s = "-" + s;
        }
        return s;
    }

    private static String time(Random r) {
        int pick = r.nextInt(12);
        StringBuilder b = new StringBuilder();
        b.append(two(pick == 0 ? 24 : r.nextInt(24))).append(':').append(two(r.nextInt(pick == 1 ? 61 : 60)));
        if (r.nextInt(3) > 0) {
            b.append(':').append(two(r.nextInt(pick == 2 ? 61 : 60)));
            if (r.nextBoolean()) {
                b.append('.');
                int digits = 1 + r.nextInt(7);
                for (int k = 0; k < digits; k++) {
                    b.append((char) ('0' + (pick == 3 ? 9 : r.nextInt(10))));
                }
            }
        }
        int tz = r.nextInt(8);
        if (tz == 0) {
            b.append('Z');
        } else if (tz == 1) {
            b.append(r.nextBoolean() ? '+' : '-').append(two(r.nextInt(16))).append(':').append(two(r.nextInt(60)));
        } else if (tz == 2) {
            b.append(" -0").append(r.nextInt(10)).append(":30 ");
        } else if (tz == 3) {
            b.append("z ");
        }
        return b.toString();
    }

    /** A time value in any of SQLite's forms, well or badly formed, as a SQL literal. */
    static String value(Random r) {
        switch (r.nextInt(14)) {
            case 0: case 1: case 2: case 3: {
                String d = year(r) + "-" + two(r.nextInt(10) == 0 ? r.nextInt(14) : 1 + r.nextInt(12)) + "-"
                        + two(r.nextInt(8) == 0 ? r.nextInt(33) : 1 + r.nextInt(28));
                int t = r.nextInt(4);
                if (t == 1) {
                    d += " " + time(r);
                } else if (t == 2) {
                    d += "T" + time(r);
                } else if (t == 3) {
                    d += r.nextBoolean() ? "  " + time(r) : "x";
                }
                return "'" + d + "'";
            }
            case 4:
                return "'" + time(r) + "'";
            case 5:
                return Double.toString(r.nextInt(5373490 * 4) / 4.0 - (r.nextInt(10) == 0 ? 100 : 0));
            case 6:
                return Long.toString((long) (r.nextDouble() * 2e10) - 4000000000L);
            case 7:
                return "'" + (r.nextInt(3000000) + 2000000) + "." + r.nextInt(1000) + "'";
            case 8:
                return Double.toString((r.nextInt(400000000) - 100000000) * 10.0 + r.nextInt(1000) / 1000.0);
            case 9:
                return "'" + (r.nextInt(1000000) + 2400000) + "'";
            case 10: {
                String[] odd = {"'2023-02-29'", "'2024-02-30'", "'2023-04-31'", "'2000-1-01'", "'2000-01-01 1:00'",
                    "'12:60'", "'25:00'", "'garbage'", "''", "NULL", "'2000-01-01T'", "'2000-01-01 12:00:00.'",
                    "' 2000-01-01'", "'2000-01-01 12:00 +14:59'", "'2000-01-01 12:00 +15:00'", "'-4713-11-24 12:00'",
                    "'-4713-11-24 11:59:59'", "'9999-12-31 23:59:59.999'", "'0000-01-01'", "x'323030302d30312d3031'",
                    "'10000-01-01'", "5373484.4999", "5373484.5", "-0.0", "'1e3'", "' 2451545 '", "'2451545x'"};
                return odd[r.nextInt(odd.length)];
            }
            default: {
                String d = year(r) + "-" + two(1 + r.nextInt(12)) + "-" + two(1 + r.nextInt(31)) + " "
                        + two(r.nextInt(24)) + ":" + two(r.nextInt(60)) + ":" + two(r.nextInt(60));
                if (r.nextBoolean()) {
                    d += "." + r.nextInt(1000);
                }
                return "'" + d + "'";
            }
        }
    }

    private static String number(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return Integer.toString(r.nextInt(100));
            case 1:
                return Integer.toString(r.nextInt(100000));
            case 2:
                return (r.nextInt(2000) - 1000) + "." + r.nextInt(100);
            case 3:
                return Double.toString(r.nextGaussian() * 500);
            case 4:
                return Long.toString(r.nextLong() % 1000000000000000L);
            default:
                return r.nextInt(10) + "e" + r.nextInt(6);
        }
    }

    /** A modifier, well or badly formed, as a SQL literal. */
    static String modifier(Random r) {
        switch (r.nextInt(10)) {
            case 0: case 1: case 2: {
                String sign = r.nextInt(3) == 0 ? "" : r.nextBoolean() ? "+" : "-";
                return "'" + sign + number(r) + (r.nextInt(6) == 0 ? "" : " ") + UNITS[r.nextInt(UNITS.length)] + "'";
            }
            case 3: case 4:
                return "'" + NAMED[r.nextInt(NAMED.length)] + "'";
            case 5: {
                String sign = r.nextInt(4) == 0 ? "" : r.nextBoolean() ? "+" : "-";
                String t = two(r.nextInt(26)) + ":" + two(r.nextInt(61));
                if (r.nextBoolean()) {
                    t += ":" + two(r.nextInt(60));
                    if (r.nextBoolean()) {
                        t += "." + r.nextInt(10000);
                    }
                }
                return "'" + sign + t + "'";
            }
            case 6: {
                String sign = r.nextInt(5) == 0 ? "" : r.nextBoolean() ? "+" : "-";
                String y = Integer.toString(r.nextInt(r.nextBoolean() ? 100 : 100000));
                while (y.length() < (r.nextInt(4) == 0 ? 5 : 4)) {
                    y = "0" + y;
                }
                String d = sign + y + "-" + two(r.nextInt(13)) + "-" + two(r.nextInt(32));
                int t = r.nextInt(4);
                if (t == 1) {
                    d += " " + two(r.nextInt(25)) + ":" + two(r.nextInt(60));
                } else if (t == 2) {
                    d += " " + two(r.nextInt(24)) + ":" + two(r.nextInt(60)) + ":" + two(r.nextInt(60)) + "." + r.nextInt(1000);
                } else if (t == 3) {
                    d += r.nextBoolean() ? "x" : " 1:00";
                }
                return "'" + d + "'";
            }
            case 7:
                return r.nextBoolean() ? "NULL" : number(r);
            default:
                return "'" + (r.nextBoolean() ? "+" : "-") + r.nextInt(60) + " " + UNITS[r.nextInt(12)] + "'";
        }
    }

    static String format(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            if (r.nextInt(4) == 0) {
                b.append(r.nextBoolean() ? "-" : " at ");
            }
            b.append('%').append(CONVERSIONS[r.nextInt(r.nextInt(8) == 0 ? CONVERSIONS.length : CONVERSIONS.length - 6)]);
        }
        if (r.nextInt(30) == 0) {
            b.append('%');
        }
        return b.toString();
    }

    /**
     * Inserts the rows into {@code t(v, m1, m2, m3, n, f)} on both engines and compares the query's rows,
     * listing the first differences.
     */
    private static void compare(List<String> rows, String query) {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            String create = "CREATE TABLE t(id INTEGER PRIMARY KEY, v, m1, m2, m3, n, f)";
            sqlite.run(create);
            skerry.run(create);
            for (int at = 0; at < rows.size(); at += 200) {
                String insert = "INSERT INTO t(v, m1, m2, m3, n, f) VALUES "
                        + String.join(",", rows.subList(at, Math.min(rows.size(), at + 200)));
                Outcome a = sqlite.run(insert);
                Outcome b = skerry.run(insert);
                assertTrue(!a.isError() && !b.isError(), insert + "\n" + a + "\n" + b);
            }
            Outcome want = sqlite.run(query);
            Outcome got = skerry.run(query);
            assertTrue(!want.isError(), want.toString());
            assertTrue(!got.isError(), got.toString());
            assertEquals(want.rows().size(), got.rows().size());
            List<String> diffs = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < want.rows().size(); i++) {
                if (!want.rows().get(i).equals(got.rows().get(i))) {
                    count++;
                    if (diffs.size() < 25) {
                        diffs.add("SQLite " + want.rows().get(i) + "\nSkerry " + got.rows().get(i));
                    }
                }
            }
            assertTrue(diffs.isEmpty(), count + " of " + want.rows().size() + " rows differ:\n" + String.join("\n", diffs));
            int values = 0;
            for (List<String> row : want.rows()) {
                if (!row.get(row.size() - 1).equals("null")) {
                    values++;
                }
            }
            assertTrue(values * 4 > want.rows().size(), "too few non-NULL results to test anything: " + values);
        }
    }

    private static final String CALLS = "CASE n WHEN 0 THEN %s(%sv) WHEN 1 THEN %s(%sv, m1) WHEN 2 THEN %s(%sv, m1, m2)"
            + " ELSE %s(%sv, m1, m2, m3) END";

    private static String call(String fn, String prefix) {
        return CALLS.replace("%s(%sv", fn + "(" + prefix + "v");
    }

    private static List<String> rows(long seed, int count) {
        Random r = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add("(" + value(r) + "," + modifier(r) + "," + modifier(r) + "," + modifier(r) + ","
                    + (r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(3)) + ",'" + format(r) + "')");
        }
        return rows;
    }

    @Test
    void dateTimeDatetimeJuliandayUnixepochOverRandomValuesAndModifiers() {
        compare(rows(1, 6000), "SELECT id, v, m1, m2, m3, n, " + call("date", "") + ", " + call("time", "") + ", "
                + call("datetime", "") + ", " + call("julianday", "") + ", " + call("unixepoch", "")
                + " FROM t ORDER BY id");
    }

    @Test
    void strftimeOverRandomFormatsValuesAndModifiers() {
        compare(rows(2, 6000), "SELECT id, v, m1, m2, m3, n, f, " + call("strftime", "f, ") + " FROM t ORDER BY id");
    }

    @Test
    void everyConversionOnEveryDayOfSomeYears() {
        List<String> rows = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String c : CONVERSIONS) {
            all.append('%').append(c).append('|');
        }
        for (int y : new int[] {1999, 2000, 2004, 2020, 2021, 2100}) {
            for (int day = 0; day < 366; day += 1) {
                rows.add("('" + y + "-01-01 13:07:09.123', '+" + day + " days', '+" + (day * 7 % 24) + " hours', NULL, 2, '"
                        + all.substring(0, all.indexOf("%D")) + "')");
            }
        }
        compare(rows, "SELECT id, strftime(f, v, m1, m2), strftime('%D', v), strftime('%'), strftime('a%%b%'),"
                + " strftime('%Y-%m-%d', v, m1, 'subsec'), strftime('%s|%f', v, m1, 'subsec') FROM t ORDER BY id");
    }

    @Test
    void timediffOverRandomPairs() {
        Random r = new Random(3);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            rows.add("(" + value(r) + "," + value(r) + ",NULL,NULL,0,'')");
        }
        compare(rows, "SELECT id, v, m1, timediff(v, m1), timediff(m1, v) FROM t ORDER BY id");
    }

    @Test
    void documentedExamplesAndEdges() {
        Differential.assertSame("SELECT date('2024-01-31', '+1 month'), date('2024-01-31', '+1 month', 'floor'),"
                + " date('2024-01-31', '+1 month', 'ceiling'), date('2023-02-31'), date('2023-02-31', 'floor');\n"
                + "SELECT date('2024-02-29', '+1 year'), date('2024-02-29', '+1 year', 'floor'), date('2024-03-31', '-1 month', 'floor');\n"
                + "SELECT datetime(1092941466, 'unixepoch'), datetime(1092941466, 'auto'), datetime(2460000.5, 'auto'),"
                + " datetime(1092941466, 'unixepoch', 'localtime', 'utc');\n"
                + "SELECT unixepoch('2023-01-01 00:00:00.5', 'subsec'), datetime('2023-01-01 00:00:00.1234', 'subsec'),"
                + " time('12:34:56.789', 'subsecond'), julianday('2000-01-01 12:00'), julianday(0), julianday(-1);\n"
                + "SELECT date('2023-10-10', 'weekday 0'), date('2023-10-08', 'weekday 0'), date('now', '+0 days') IS NOT NULL;\n"
                + "SELECT strftime('%Y %W %j', '2023-01-01'), strftime(), strftime(NULL), date(NULL), date('2000-01-01', NULL);\n"
                + "SELECT timediff('2023-02-15', '2023-01-31'), timediff('2000-01-01', '2024-12-25 13:14:15.678');\n"
                + "SELECT date('2000-01-01', '+0001-02-03'), datetime('2000-01-01', '-0001-02-03 04:05:06.7'),"
                + " datetime('2000-01-01 10:00', '+12:30'), datetime('2000-01-01 10:00', '-24:00'), datetime('2000-01-01', '+00010-00-00');\n"
                + "SELECT typeof(julianday('2000-01-01')), typeof(unixepoch('2000-01-01')), typeof(unixepoch('2000-01-01', 'subsec'));\n"
                + "SELECT CAST(julianday('2001-02-03 04:05:06.789') AS TEXT), julianday('2001-02-03 04:05:06.789') || '';\n"
                + "SELECT date('2000-01-01', '+1.5 months'), date('2000-01-31', '-1.5 years'), datetime('2000-01-01', '+1.75 days');\n"
                + "SELECT date(x'323030302d30312d3031'), date(2451545), date('2451545'), time(0.5), datetime(5373484.4999);");
    }

    @Test
    void nowIsOneValueWithinAStatementAndWellFormed() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            skerry.run("CREATE TABLE n(x)");
            skerry.run("INSERT INTO n VALUES (1),(2),(3)");
            Outcome o = skerry.run("SELECT datetime('now'), julianday('now'), unixepoch(), CURRENT_TIMESTAMP,"
                    + " CURRENT_DATE, CURRENT_TIME, datetime() = datetime('now'), unixepoch('now', 'subsec') - unixepoch() < 1,"
                    + " time('now', 'localtime') IS NOT NULL FROM n");
            assertEquals(3, o.rows().size());
            List<String> first = o.rows().get(0);
            String dt = first.get(0).substring("text:".length());
            assertTrue(dt.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), dt);
            assertEquals("text:" + dt, first.get(3));
            assertEquals("text:" + dt.substring(0, 10), first.get(4));
            assertEquals("text:" + dt.substring(11), first.get(5));
            assertEquals("int:1", first.get(6));
            assertEquals("int:1", first.get(7));
            assertEquals("int:1", first.get(8));
            long unix = Long.parseLong(first.get(2).substring("int:".length()));
            long host = System.currentTimeMillis() / 1000;
            assertTrue(Math.abs(unix - host) < 60, unix + " vs " + host);
            for (List<String> row : o.rows()) {
                assertEquals(first.subList(0, 3), row.subList(0, 3));
            }
        }
    }

    @Test
    void nowInDefaultsAndStatements() {
        Differential.assertSame("""
            create table t(a, b default current_timestamp, c default current_date, d default current_time,
                e default (datetime('now', 'start of day')), f default (julianday('now') > 2460000));
            insert into t(a) values (1), (2);
            select a, typeof(b), length(b), length(c), length(d), length(e), f, b = datetime(c || ' ' || d) from t;
            select count(distinct b) from t;
            select date('now') = current_date, time('now') = current_time, strftime('%Y-%m-%d %H:%M:%S', 'now') = current_timestamp;
            select unixepoch() - unixepoch('now', 'start of day') between 0 and 86400;
            """);
    }

    @Test
    void localtimeAndUtcUseTheConnectionsClock() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            long fixed = 1700000000123L;
            skerry.connection().setClock(new dev.skerry.engine.Clock() {
                @Override
                public long currentTimeMillis() {
                    return fixed;
                }

                @Override
                public int localOffsetSeconds(long utcMillis) {
                    return -(5 * 3600 + 30 * 60);
                }
            });
            Outcome o = skerry.run("SELECT datetime('now'), datetime('now', 'subsec'), datetime('now', 'localtime'),"
                    + " datetime('2023-11-14 22:13:20', 'utc'), datetime('now', 'localtime', 'utc'),"
                    + " datetime('1900-06-01 12:00', 'localtime'), unixepoch('now', 'subsec')");
            assertEquals(List.of("text:2023-11-14 22:13:20", "text:2023-11-14 22:13:20.123", "text:2023-11-14 16:43:20",
                    "text:2023-11-15 03:43:20", "text:2023-11-14 22:13:20", "text:1900-06-01 06:30:00",
                    "real:1.700000000123E9"), o.rows().get(0));
        }
    }
}
