package dev.skerry.engine.func;

/**
 * The conversions of SQLite's {@code strftime(FORMAT, …)} (lang_datefunc.html): %d %e %f %F %G %g %H %I %j
 * %J %k %l %m %M %p %P %R %s %S %T %u %U %V %w %W %Y %%. Any other conversion, or a lone '%' at the end,
 * makes the whole result NULL, as in SQLite.
 */
final class Strftime {
    private Strftime() {
    }

    /** The formatted text of {@code x} (JD, YMD and HMS valid), or null for an unknown conversion. */
    static String format(String fmt, DateTime x) {
        StringBuilder b = new StringBuilder(fmt.length() + 16);
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            i++;
            char cf = i < fmt.length() ? fmt.charAt(i) : 0;
            if (!conversion(b, cf, x)) {
                return null;
            }
        }
        return b.toString();
    }

    /** The Thursday of the ISO week of {@code x}, with its YMD computed. */
    private static DateTime isoThursday(DateTime x) {
        DateTime y = x.copy();
        y.iJD += (3 - x.daysAfterMonday()) * 86400000L;
        y.validYMD = false;
        y.computeYMD();
        return y;
    }

    private static boolean conversion(StringBuilder b, char cf, DateTime x) {
        switch (cf) {
            case 'd':
            case 'e':
                DateFunctions.pad(b, x.D, 2, cf == 'd');
                return true;
            case 'f': {
                double s = x.s;
                if (s > 59.999) {
                    s = 59.999;
                }
                b.append(DateFunctions.printf("%06.3f", s));
                return true;
            }
            case 'F':
                DateFunctions.pad(b, x.Y, 4, true);
                b.append('-');
                DateFunctions.pad(b, x.M, 2, true);
                b.append('-');
                DateFunctions.pad(b, x.D, 2, true);
                return true;
            case 'G':
            case 'g': {
                DateTime y = isoThursday(x);
                if (cf == 'g') {
                    DateFunctions.pad(b, y.Y % 100, 2, true);
                } else {
                    DateFunctions.pad(b, y.Y, 4, true);
                }
                return true;
            }
            case 'H':
            case 'k':
                DateFunctions.pad(b, x.h, 2, cf == 'H');
                return true;
            case 'I':
            case 'l': {
                int h = x.h;
                if (h > 12) {
                    h -= 12;
                }
                if (h == 0) {
                    h = 12;
                }
                DateFunctions.pad(b, h, 2, cf == 'I');
                return true;
            }
            case 'j':
                DateFunctions.pad(b, x.daysAfterJan01() + 1, 3, true);
                return true;
            case 'J':
                b.append(DateFunctions.printf("%.16g", x.iJD / 86400000.0));
                return true;
            case 'm':
                DateFunctions.pad(b, x.M, 2, true);
                return true;
            case 'M':
                DateFunctions.pad(b, x.m, 2, true);
                return true;
            case 'p':
            case 'P':
                if (x.h >= 12) {
                    b.append(cf == 'p' ? "PM" : "pm");
                } else {
                    b.append(cf == 'p' ? "AM" : "am");
                }
                return true;
            case 'R':
                DateFunctions.pad(b, x.h, 2, true);
                b.append(':');
                DateFunctions.pad(b, x.m, 2, true);
                return true;
            case 's':
                if (x.useSubsec) {
                    b.append(DateFunctions.printf("%.3f", (x.iJD - DateTime.UNIX_EPOCH_JD_MS) / 1000.0));
                } else {
                    b.append(x.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
                }
                return true;
            case 'S':
                DateFunctions.pad(b, (int) x.s, 2, true);
                return true;
            case 'T':
                DateFunctions.pad(b, x.h, 2, true);
                b.append(':');
                DateFunctions.pad(b, x.m, 2, true);
                b.append(':');
                DateFunctions.pad(b, (int) x.s, 2, true);
                return true;
            case 'u':
            case 'w': {
                int d = x.daysAfterSunday();
                b.append((char) (d == 0 && cf == 'u' ? '7' : '0' + d));
                return true;
            }
            case 'U':
                DateFunctions.pad(b, (x.daysAfterJan01() - x.daysAfterSunday() + 7) / 7, 2, true);
                return true;
            case 'V':
                DateFunctions.pad(b, isoThursday(x).daysAfterJan01() / 7 + 1, 2, true);
                return true;
            case 'W':
                DateFunctions.pad(b, (x.daysAfterJan01() - x.daysAfterMonday() + 7) / 7, 2, true);
                return true;
            case 'Y':
                DateFunctions.pad(b, x.Y, 4, true);
                return true;
            case '%':
                b.append('%');
                return true;
            default:
                return false;
        }
    }
}
