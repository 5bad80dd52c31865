package dev.skerry.engine.func;

import dev.skerry.engine.value.NumberParse;

/**
 * One moment as SQLite's date and time functions compute it (the {@code DateTime} of SQLite's date.c,
 * described in lang_datefunc.html): the parser of time values, the modifiers, and the conversions between a
 * julian day number and year/month/day hour:minute:second. The calendar is the proleptic Gregorian one,
 * years -4713 to 9999.
 *
 * <p>States: the moment is held as a julian day number in milliseconds ({@code iJD}, valid when
 * {@code validJD}), and/or as broken-down fields ({@code Y M D} when {@code validYMD}, {@code h m s} when
 * {@code validHMS}, with a pending zone offset {@code tz} in minutes until the julian day is computed). A
 * bare number not yet interpreted is kept in {@code s} with {@code rawS} set (it is a julian day number
 * unless a later modifier says otherwise). {@code isError} marks a value out of range (the functions then
 * give NULL). Invariant: after {@link #computeJD} either {@code validJD} or {@code isError} holds.
 * {@code nFloor} is the number of days by which the day of month overflowed its month (what the
 * {@code floor} modifier takes back).
 */
final class DateTime {
    /** The julian day of 1970-01-01 00:00:00, in milliseconds. */
    static final long UNIX_EPOCH_JD_MS = 210866760000000L;
    /** The largest julian day in milliseconds SQLite accepts (9999-12-31 23:59:59.999). */
    private static final long MAX_JD_MS = 464269060799999L;

    long iJD;
    int Y;
    int M;
    int D;
    int h;
    int m;
    int tz;
    double s;
    boolean validJD;
    boolean validYMD;
    boolean validHMS;
    boolean rawS;
    boolean isError;
    boolean useSubsec;
    boolean isUtc;
    boolean isLocal;
    int nFloor;

    DateTime copy() {
        DateTime c = new DateTime();
        c.iJD = iJD;
        c.Y = Y;
        c.M = M;
        c.D = D;
        c.h = h;
        c.m = m;
        c.tz = tz;
        c.s = s;
        c.validJD = validJD;
        c.validYMD = validYMD;
        c.validHMS = validHMS;
        c.rawS = rawS;
        c.isError = isError;
        c.useSubsec = useSubsec;
        c.isUtc = isUtc;
        c.isLocal = isLocal;
        c.nFloor = nFloor;
        return c;
    }

    /** Forgets everything (SQLite's memset to zero). */
    private void zero() {
        iJD = 0;
        Y = M = D = h = m = tz = nFloor = 0;
        s = 0;
        validJD = validYMD = validHMS = rawS = isError = useSubsec = isUtc = isLocal = false;
    }

    /** The value is out of range: every later result is NULL. */
    private void error() {
        zero();
        isError = true;
    }

    static boolean validJulianDay(long jd) {
        return jd >= 0 && jd <= MAX_JD_MS;
    }

    void clearYmdHmsTz() {
        validYMD = false;
        validHMS = false;
        tz = 0;
    }

    /** A number given as the time value: a julian day number if in range, kept raw for 'unixepoch'/'auto'. */
    void setRawNumber(double r) {
        s = r;
        rawS = true;
        if (r >= 0.0 && r < 5373484.5) {
            iJD = (long) (r * 86400000.0 + 0.5);
            validJD = true;
        }
    }

    /**
     * Set when the value read the clock or the time zone ('now', 'subsec' as a time value, the 'localtime' and
     * 'utc' modifiers): where SQLite calls {@code sqlite3NotPureFunc}.
     */
    boolean readsClock;

    /** 'now': the statement's time. */
    void setToCurrent(FunctionContext ctx) {
        iJD = ctx.stepTimeMillis() + UNIX_EPOCH_JD_MS;
        validJD = iJD > 0;
        isUtc = true;
        isLocal = false;
        clearYmdHmsTz();
    }

    void computeJD() {
        if (validJD) {
            return;
        }
        int y;
        int mo;
        int d;
        if (validYMD) {
            y = Y;
            mo = M;
            d = D;
        } else {
            y = 2000;
            mo = 1;
            d = 1;
        }
        if (y < -4713 || y > 9999 || rawS) {
            error();
            return;
        }
        if (mo <= 2) {
            y--;
            mo += 12;
        }
        int a = (y + 4800) / 100;
        int b = 38 - a + (a / 4);
        int x1 = 36525 * (y + 4716) / 100;
        int x2 = 306001 * (mo + 1) / 10000;
        iJD = (long) ((x1 + x2 + d + b - 1524.5) * 86400000);
        validJD = true;
        if (validHMS) {
            iJD += h * 3600000 + m * 60000 + (long) (s * 1000 + 0.5);
            if (tz != 0) {
                iJD -= tz * 60000L;
                validYMD = false;
                validHMS = false;
                tz = 0;
                isUtc = true;
                isLocal = false;
            }
        }
    }

    void computeYMD() {
        if (validYMD) {
            return;
        }
        if (!validJD) {
            Y = 2000;
            M = 1;
            D = 1;
        } else if (!validJulianDay(iJD)) {
            error();
            return;
        } else {
            int z = (int) ((iJD + 43200000) / 86400000);
            int alpha = (int) ((z + 32044.75) / 36524.25) - 52;
            int a = z + 1 + alpha - ((alpha + 100) / 4) + 25;
            int b = a + 1524;
            int c = (int) ((b - 122.1) / 365.25);
            int d = (36525 * (c & 32767)) / 100;
            int e = (int) ((b - d) / 30.6001);
            int x1 = (int) (30.6001 * e);
            D = b - d - x1;
            M = e < 14 ? e - 1 : e - 13;
            Y = M > 2 ? c - 4716 : c - 4715;
        }
        validYMD = true;
    }

    void computeHMS() {
        if (validHMS) {
            return;
        }
        computeJD();
        int dayMs = (int) ((iJD + 43200000) % 86400000);
        s = (dayMs % 60000) / 1000.0;
        int dayMin = dayMs / 60000;
        m = dayMin % 60;
        h = dayMin / 60;
        rawS = false;
        validHMS = true;
    }

    void computeYmdHms() {
        computeYMD();
        computeHMS();
    }

    /** The days by which D overflows month M of year Y (0 when it does not). */
    void computeFloor() {
        if (D <= 28) {
            nFloor = 0;
        } else if (((1 << M) & 0x15aa) != 0) {
            nFloor = 0;
        } else if (M != 2) {
            nFloor = D == 31 ? 1 : 0;
        } else if (Y % 4 != 0 || (Y % 100 == 0 && Y % 400 != 0)) {
            nFloor = D - 28;
        } else {
            nFloor = D - 29;
        }
    }

    /** Days since Monday (0..6). */
    int daysAfterMonday() {
        return (int) (((iJD + 43200000) / 86400000) % 7);
    }

    /** Days since Sunday (0..6). */
    int daysAfterSunday() {
        return (int) (((iJD + 129600000) / 86400000) % 7);
    }

    /** Days since January 1st of the same year (needs YMD, HMS and JD valid). */
    int daysAfterJan01() {
        DateTime jan01 = copy();
        jan01.validJD = false;
        jan01.M = 1;
        jan01.D = 1;
        jan01.computeJD();
        return (int) ((iJD - jan01.iJD + 43200000) / 86400000);
    }

    // ---- parsing the time value ----

    /**
     * {@code getDigits}: reads {@code count} fields of fixed digit widths from {@code z} at {@code at}, each
     * within [min, max] and followed by its separator (none after the last); fills {@code out} and returns
     * how many fields were read.
     */
    private static int getDigits(String z, int at, int[] widths, int[] min, int[] max, char[] seps, int[] out) {
        int n = 0;
        int p = at;
        for (int f = 0; f < widths.length; f++) {
            int v = 0;
            for (int k = 0; k < widths[f]; k++) {
                if (p >= z.length() || !isDigit(z.charAt(p))) {
                    return n;
                }
                v = v * 10 + z.charAt(p) - '0';
                p++;
            }
            if (v < min[f] || v > max[f]) {
                return n;
            }
            if (f + 1 < widths.length && (p >= z.length() || z.charAt(p) != seps[f])) {
                return n;
            }
            p++;
            out[n++] = v;
        }
        return n;
    }

    private static final int[] W422 = {4, 2, 2};
    private static final int[] W522 = {5, 2, 2};
    private static final int[] W22 = {2, 2};
    private static final int[] W2 = {2};
    private static final int[] W4 = {4};
    private static final int[] W5 = {5};
    private static final int[] MIN_DATE = {0, 1, 1};
    private static final int[] MAX_DATE = {14712, 12, 31};
    private static final int[] MIN_SHIFT = {0, 0, 0};
    private static final int[] MAX_SHIFT = {14712, 11, 30};
    private static final int[] MIN0 = {0, 0};
    private static final int[] MAX_HM = {24, 59};
    private static final int[] MAX_TZ = {14, 59};
    private static final int[] MAX_S = {59};
    private static final int[] MAX_Y = {14712};
    private static final char[] DASHES = {'-', '-'};
    private static final char[] COLON = {':'};

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static char at(String z, int i) {
        return i < z.length() ? z.charAt(i) : 0;
    }

    /** {@code [+-]HH:MM} or {@code Z} after a time, then only spaces; false when something else follows. */
    private boolean parseTimezone(String z, int p) {
        while (isSpace(at(z, p))) {
            p++;
        }
        tz = 0;
        char c = at(z, p);
        if (c == 'Z' || c == 'z') {
            p++;
            isLocal = false;
            isUtc = true;
        } else if (c == '-' || c == '+') {
            int sgn = c == '-' ? -1 : 1;
            int[] hm = new int[2];
            if (getDigits(z, p + 1, W22, MIN0, MAX_TZ, COLON, hm) != 2) {
                return false;
            }
            p += 6;
            tz = sgn * (hm[1] + hm[0] * 60);
        } else {
            return c == 0;
        }
        while (isSpace(at(z, p))) {
            p++;
        }
        return at(z, p) == 0;
    }

    /** {@code HH:MM[:SS[.FFF]]} with an optional zone, from {@code p}; false when it is not one. */
    boolean parseHhMmSs(String z, int p) {
        int[] hm = new int[2];
        if (getDigits(z, p, W22, MIN0, MAX_HM, COLON, hm) != 2) {
            return false;
        }
        p += 5;
        int sec = 0;
        double ms = 0.0;
        if (at(z, p) == ':') {
            p++;
            int[] sv = new int[1];
            if (getDigits(z, p, W2, MIN0, MAX_S, null, sv) != 1) {
                return false;
            }
            sec = sv[0];
            p += 2;
            if (at(z, p) == '.' && isDigit(at(z, p + 1))) {
                double scale = 1.0;
                p++;
                while (isDigit(at(z, p))) {
                    ms = ms * 10.0 + z.charAt(p) - '0';
                    scale *= 10.0;
                    p++;
                }
                ms /= scale;
                if (ms > 0.999) {
                    ms = 0.999;
                }
            }
        }
        validJD = false;
        rawS = false;
        validHMS = true;
        h = hm[0];
        m = hm[1];
        s = sec + ms;
        return parseTimezone(z, p);
    }

    /** {@code [-]YYYY-MM-DD} optionally followed (after spaces or 'T') by a time. */
    private boolean parseYyyyMmDd(String z) {
        int p = 0;
        boolean neg = false;
        if (at(z, 0) == '-') {
            p = 1;
            neg = true;
        }
        int[] ymd = new int[3];
        if (getDigits(z, p, W422, MIN_DATE, MAX_DATE, DASHES, ymd) != 3) {
            return false;
        }
        p += 10;
        while (isSpace(at(z, p)) || at(z, p) == 'T') {
            p++;
        }
        if (parseHhMmSs(z, p)) {
            // the time was read
        } else if (at(z, p) == 0) {
            validHMS = false;
        } else {
            return false;
        }
        validJD = false;
        validYMD = true;
        Y = neg ? -ymd[0] : ymd[0];
        M = ymd[1];
        D = ymd[2];
        computeFloor();
        if (tz != 0) {
            computeJD();
        }
        return true;
    }

    /** The text of a time value; false when it is not one. */
    boolean parseDateOrTime(FunctionContext ctx, String z) {
        if (parseYyyyMmDd(z)) {
            return true;
        }
        if (parseHhMmSs(z, 0)) {
            return true;
        }
        if (equalsIgnoreCase(z, "now")) {
            readsClock = true;
            setToCurrent(ctx);
            return true;
        }
        if (NumberParse.atofType(z) > 0) {
            setRawNumber(NumberParse.atof(z));
            return true;
        }
        if (equalsIgnoreCase(z, "subsec") || equalsIgnoreCase(z, "subsecond")) {
            readsClock = true;
            useSubsec = true;
            setToCurrent(ctx);
            return true;
        }
        return false;
    }

    static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean startsWithIgnoreCase(String z, String prefix) {
        return z.length() >= prefix.length() && equalsIgnoreCase(z.substring(0, prefix.length()), prefix);
    }

    // ---- local time ----

    /** Shifts this UTC moment to the host's local time (the 'localtime' modifier). */
    void toLocaltime(FunctionContext ctx) {
        computeJD();
        long t;
        int yearDiff;
        if (iJD < 2108667600L * 100000 || iJD > 2130141456L * 100000) {
            // Outside 1970..2037 the offset of an equivalent year (same leap-year cycle) is used, as SQLite does.
            DateTime x = copy();
            x.computeYmdHms();
            yearDiff = (2000 + x.Y % 4) - x.Y;
            x.Y += yearDiff;
            x.validJD = false;
            x.computeJD();
            t = x.iJD / 1000 - 210866760000L;
        } else {
            yearDiff = 0;
            t = iJD / 1000 - 210866760000L;
        }
        long local = t + ctx.localOffsetSeconds(t * 1000);
        DateTime broken = new DateTime();
        broken.iJD = local * 1000 + UNIX_EPOCH_JD_MS;
        broken.validJD = true;
        broken.computeYmdHms();
        Y = broken.Y - yearDiff;
        M = broken.M;
        D = broken.D;
        h = broken.h;
        m = broken.m;
        s = (int) broken.s + (iJD % 1000) * 0.001;
        validYMD = true;
        validHMS = true;
        validJD = false;
        rawS = false;
        tz = 0;
        isError = false;
    }

    /** Treats this moment as local time and converts it to UTC (the 'utc' modifier). */
    private void toUtc(FunctionContext ctx) {
        computeJD();
        long orig = iJD;
        long guess = orig;
        long err = 0;
        int count = 0;
        do {
            DateTime probe = new DateTime();
            guess -= err;
            probe.iJD = guess;
            probe.validJD = true;
            probe.toLocaltime(ctx);
            probe.computeJD();
            err = probe.iJD - orig;
        } while (err != 0 && count++ < 3);
        zero();
        iJD = guess;
        validJD = true;
        isUtc = true;
        isLocal = false;
    }

    // ---- modifiers ----

    private static final String[] UNIT_NAMES = {"second", "minute", "hour", "day", "month", "year"};
    private static final double[] UNIT_LIMITS = {4.6427e+14f, 7.7379e+12f, 1.2897e+11f, 5373485.0f, 176546.0f, 14713.0f};
    private static final double[] UNIT_SECONDS = {1.0f, 60.0f, 3600.0f, 86400.0f, 30.0f * 86400.0f, 365.0f * 86400.0f};

    /** Moves the month by whole months already added to {@code M}, carrying into the year. */
    private void normalizeMonth() {
        int x = M > 0 ? (M - 1) / 12 : (M - 12) / 12;
        Y += x;
        M -= x * 12;
    }

    /**
     * Applies modifier {@code z} (the {@code idx}-th argument after the time value, from 1); false when it
     * is not a modifier SQLite knows or does not apply here (the function then gives NULL).
     */
    boolean applyModifier(FunctionContext ctx, String z, int idx) {
        if (z.isEmpty()) {
            return false;
        }
        switch (lower(z.charAt(0))) {
            case 'a':
                if (equalsIgnoreCase(z, "auto")) {
                    if (idx > 1) {
                        return false;
                    }
                    if (!rawS || validJD) {
                        rawS = false;
                        return true;
                    }
                    if (s >= -210866760000.0 && s <= 253402300799.0) {
                        double r = s * 1000.0 + 210866760000000.0;
                        clearYmdHmsTz();
                        iJD = (long) (r + 0.5);
                        validJD = true;
                        rawS = false;
                        return true;
                    }
                }
                return false;
            case 'c':
                if (equalsIgnoreCase(z, "ceiling")) {
                    computeJD();
                    clearYmdHmsTz();
                    nFloor = 0;
                    return true;
                }
                return false;
            case 'f':
                if (equalsIgnoreCase(z, "floor")) {
                    computeJD();
                    iJD -= nFloor * 86400000L;
                    clearYmdHmsTz();
                    return true;
                }
                return false;
            case 'j':
                if (equalsIgnoreCase(z, "julianday")) {
                    if (idx > 1) {
                        return false;
                    }
                    if (validJD && rawS) {
                        rawS = false;
                        return true;
                    }
                }
                return false;
            case 'l':
                if (equalsIgnoreCase(z, "localtime")) {
                    readsClock = true;
                    if (!isLocal) {
                        toLocaltime(ctx);
                    }
                    isUtc = false;
                    isLocal = true;
                    return true;
                }
                return false;
            case 'u':
                if (equalsIgnoreCase(z, "unixepoch") && rawS) {
                    if (idx > 1) {
                        return false;
                    }
                    double r = s * 1000.0 + 210866760000000.0;
                    if (r >= 0.0 && r < 464269060800000.0) {
                        clearYmdHmsTz();
                        iJD = (long) (r + 0.5);
                        validJD = true;
                        rawS = false;
                        return true;
                    }
                    return false;
                }
                if (equalsIgnoreCase(z, "utc")) {
                    readsClock = true;
                    if (!isUtc) {
                        toUtc(ctx);
                    }
                    return true;
                }
                return false;
            case 'w':
                return weekday(z);
            case 's':
                return startOfOrSubsec(z);
            case '+':
            case '-':
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
                return numeric(z);
            default:
                return false;
        }
    }

    /** {@code weekday N}: forward to the next day (or this one) whose weekday is N (0 = Sunday). */
    private boolean weekday(String z) {
        if (!startsWithIgnoreCase(z, "weekday ")) {
            return false;
        }
        String rest = z.substring(8);
        if (NumberParse.atofType(rest) <= 0) {
            return false;
        }
        double r = NumberParse.atof(rest);
        if (!(r >= 0.0 && r < 7.0) || (int) r != r) {
            return false;
        }
        int n = (int) r;
        computeYmdHms();
        tz = 0;
        validJD = false;
        computeJD();
        long day = ((iJD + 129600000) / 86400000) % 7;
        if (day > n) {
            day -= 7;
        }
        iJD += (n - day) * 86400000L;
        clearYmdHmsTz();
        return true;
    }

    /** {@code start of day|month|year}, {@code subsec}, {@code subsecond}. */
    private boolean startOfOrSubsec(String z) {
        if (!startsWithIgnoreCase(z, "start of ")) {
            if (equalsIgnoreCase(z, "subsec") || equalsIgnoreCase(z, "subsecond")) {
                useSubsec = true;
                return true;
            }
            return false;
        }
        if (!validJD && !validYMD && !validHMS) {
            return false;
        }
        String unit = z.substring(9);
        computeYMD();
        validHMS = true;
        h = 0;
        m = 0;
        s = 0.0;
        rawS = false;
        tz = 0;
        validJD = false;
        if (equalsIgnoreCase(unit, "month")) {
            D = 1;
            return true;
        }
        if (equalsIgnoreCase(unit, "year")) {
            M = 1;
            D = 1;
            return true;
        }
        return equalsIgnoreCase(unit, "day");
    }

    /** {@code ±NNN unit[s]}, {@code ±HH:MM[:SS[.FFF]]} and {@code ±YYYY-MM-DD[ HH:MM[:SS[.FFF]]]}. */
    private boolean numeric(String z) {
        char z0 = z.charAt(0);
        int n;
        int[] one = new int[1];
        for (n = 1; n < z.length(); n++) {
            char c = z.charAt(n);
            if (c == ':' || isSpace(c)) {
                break;
            }
            if (c == '-') {
                if (n == 5 && getDigits(z, 1, W4, MIN0, MAX_Y, null, one) == 1) {
                    break;
                }
                if (n == 6 && getDigits(z, 1, W5, MIN0, MAX_Y, null, one) == 1) {
                    break;
                }
            }
        }
        String number = z.substring(0, n);
        if (NumberParse.atofType(number) <= 0) {
            return false;
        }
        double r = NumberParse.atof(number);
        String z2 = z;
        int n2 = n;
        if (at(z, n) == '-') {
            if (z0 != '+' && z0 != '-') {
                return false;
            }
            int[] ymd = new int[3];
            String t = z;
            if (n == 5) {
                if (getDigits(t, 1, W422, MIN_SHIFT, MAX_SHIFT, DASHES, ymd) != 3) {
                    return false;
                }
            } else {
                if (getDigits(t, 1, W522, MIN_SHIFT, MAX_SHIFT, DASHES, ymd) != 3) {
                    return false;
                }
                t = t.substring(1);
            }
            computeYmdHms();
            validJD = false;
            int days = ymd[2];
            if (z0 == '-') {
                Y -= ymd[0];
                M -= ymd[1];
                days = -days;
            } else {
                Y += ymd[0];
                M += ymd[1];
            }
            normalizeMonth();
            computeFloor();
            computeJD();
            validHMS = false;
            validYMD = false;
            iJD += days * 86400000L;
            if (at(t, 11) == 0) {
                return true;
            }
            int[] hm = new int[2];
            if (isSpace(at(t, 11)) && getDigits(t, 12, W22, MIN0, MAX_HM, COLON, hm) == 2) {
                z2 = t.substring(12);
                n2 = 2;
            } else {
                return false;
            }
        }
        if (at(z2, n2) == ':') {
            int p = isDigit(at(z2, 0)) ? 0 : 1;
            DateTime tx = new DateTime();
            if (!tx.parseHhMmSs(z2, p)) {
                return false;
            }
            tx.computeJD();
            tx.iJD -= 43200000;
            long day = tx.iJD / 86400000;
            tx.iJD -= day * 86400000;
            if (z0 == '-') {
                tx.iJD = -tx.iJD;
            }
            computeJD();
            clearYmdHmsTz();
            iJD += tx.iJD;
            return true;
        }
        return addUnits(r, z.substring(n));
    }

    /** {@code NNN unit[s]} where {@code r} is NNN and {@code rest} the text after it. */
    private boolean addUnits(double r, String rest) {
        int p = 0;
        while (isSpace(at(rest, p))) {
            p++;
        }
        String unit = rest.substring(p);
        int n = unit.length();
        if (n < 3 || n > 10) {
            return false;
        }
        if (lower(unit.charAt(n - 1)) == 's') {
            n--;
        }
        computeJD();
        double rounder = r < 0 ? -0.5 : 0.5;
        nFloor = 0;
        boolean done = false;
        for (int i = 0; i < UNIT_NAMES.length; i++) {
            if (UNIT_NAMES[i].length() == n && equalsIgnoreCase(unit.substring(0, n), UNIT_NAMES[i])
                    && r > -UNIT_LIMITS[i] && r < UNIT_LIMITS[i]) {
                if (i == 4) {
                    computeYmdHms();
                    M += (int) r;
                    normalizeMonth();
                    computeFloor();
                    validJD = false;
                    r -= (int) r;
                } else if (i == 5) {
                    computeYmdHms();
                    Y += (int) r;
                    computeFloor();
                    validJD = false;
                    r -= (int) r;
                }
                computeJD();
                iJD += (long) (r * 1000.0 * UNIT_SECONDS[i] + rounder);
                done = true;
                break;
            }
        }
        clearYmdHmsTz();
        return done;
    }
}
