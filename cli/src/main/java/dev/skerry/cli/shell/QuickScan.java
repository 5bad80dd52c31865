package dev.skerry.cli.shell;

/**
 * The shell's {@code quickscan}: a cheap per-line scan, carried across the lines of one statement buffer,
 * that tells whether the buffer so far ends with a semicolon outside any quote or comment (only then is
 * {@code sqlite3_complete} asked) and whether it holds anything but whitespace and comments.
 *
 * <p>State (an int): the low byte is the closing character awaited ({@code 0} in plain text, {@code *} in a
 * block comment, or the quote {@code ' " ` ]}); bit {@link #ENDING_SEMI} means the last plain non-space
 * character was {@code ;}; bit {@link #HAS_DARK} means something other than whitespace, comments and
 * semicolons was seen.
 */
final class QuickScan {
    static final int START = 0;
    static final int HAS_DARK = 0x100;
    static final int ENDING_SEMI = 0x200;
    private static final int CHAR_MASK = 0xFF;

    private QuickScan() {
    }

    static int scan(String line, int qss) {
        int wait = qss & CHAR_MASK;
        int i = 0;
        int n = line.length();
        while (true) {
            if (wait == 0) {
                // plain text
                while (i < n) {
                    char c = line.charAt(i++);
                    if (isSpace(c)) {
                        continue;
                    }
                    if (c == '-' && i < n && line.charAt(i) == '-') {
                        int nl = line.indexOf('\n', i);
                        if (nl < 0) {
                            return qss;
                        }
                        i = nl + 1;
                        continue;
                    }
                    if (c == ';') {
                        qss |= ENDING_SEMI;
                        continue;
                    }
                    if (c == '/' && i < n && line.charAt(i) == '*') {
                        i++;
                        wait = '*';
                        qss = (qss & ~CHAR_MASK) | wait;
                        break;
                    }
                    if (c == '[' || c == '`' || c == '\'' || c == '"') {
                        wait = c == '[' ? ']' : c;
                        qss = HAS_DARK | wait;
                        break;
                    }
                    qss = (qss & ~ENDING_SEMI) | HAS_DARK;
                }
                if (wait == 0) {
                    return qss;
                }
            } else {
                // inside a comment or quote, waiting for its end
                boolean ended = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c != wait) {
                        continue;
                    }
                    if (wait == '*') {
                        if (i >= n || line.charAt(i) != '/') {
                            continue;
                        }
                        i++;
                    } else if (wait != ']' && i < n && line.charAt(i) == wait) {
                        i++;
                        continue;
                    }
                    ended = true;
                    break;
                }
                if (!ended) {
                    return qss;
                }
                wait = 0;
                qss = qss & ~CHAR_MASK;
            }
        }
    }

    /** In plain text (not inside a comment or quote). */
    static boolean inPlain(int qss) {
        return (qss & CHAR_MASK) == 0;
    }

    /** Plain text with nothing but whitespace, comments and semicolons. */
    static boolean plainWhite(int qss) {
        return (qss & ~ENDING_SEMI) == START;
    }

    /** Plain text whose last non-space character is a semicolon. */
    static boolean semiTerminated(int qss) {
        return (qss & ~HAS_DARK) == ENDING_SEMI;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
