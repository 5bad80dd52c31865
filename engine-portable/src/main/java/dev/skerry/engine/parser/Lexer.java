package dev.skerry.engine.parser;

/**
 * SQLite's tokenizer ({@code sqlite3GetToken} in tokenize.c) over the SQL text. Each call of {@link #next}
 * scans one token starting at {@link #pos}, skipping whitespace and comments first, and leaves the token's
 * type in {@link #type} and its extent in {@code [start, end)}; {@code pos} then equals {@code end}.
 * At the end of the text the type is {@link TokenType#EOF} with {@code start == end == length}.
 *
 * <p>Rules followed: keywords are case-insensitive; {@code --} comments run to the end of the line and
 * {@code /*} comments to {@code *}{@code /} or the end of the text (but a {@code /*} that ends the text is
 * a slash and a star, as in SQLite); numbers are decimal ({@code 12},
 * {@code 1.5}, {@code .5}, {@code 1e5}) or hexadecimal ({@code 0x1F}), with {@code _} separators making a
 * {@link TokenType#QNUMBER}; a number followed directly by identifier characters is ILLEGAL; an
 * unterminated string, quoted identifier or blob, a malformed blob and a character SQLite does not know
 * are ILLEGAL. Characters at or above U+0080 are identifier characters, as in SQLite. A NUL character ends
 * the text, as it ends SQLite's C string.
 */
final class Lexer {
    private final String s;
    /** End of the text: its length, or the offset of its first NUL. */
    final int n;

    /** Where the next scan starts. */
    int pos;
    /** The last token scanned. */
    int type;
    int start;
    int end;

    Lexer(String s, int offset) {
        this.s = s;
        int nul = s.indexOf('\0', offset);
        this.n = nul < 0 ? s.length() : nul;
        this.pos = offset;
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
            || c >= 0x80;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : 0;
    }

    /** Scans the next token (see the class comment). */
    void next() {
        skipSpaceAndComments();
        start = pos;
        if (pos >= n) {
            type = TokenType.EOF;
            end = pos;
            return;
        }
        type = scan();
        end = pos;
    }

    private void skipSpaceAndComments() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                pos++;
            } else if (c == '-' && at(pos + 1) == '-') {
                pos += 2;
                while (pos < n && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && at(pos + 1) == '*' && pos + 2 < n) {
                pos += 2;
                while (pos < n && !(s.charAt(pos) == '*' && at(pos + 1) == '/')) {
                    pos++;
                }
                pos = Math.min(n, pos + 2);
            } else {
                return;
            }
        }
    }

    private int scan() {
        char c = s.charAt(pos);
        switch (c) {
            case '-':
                if (at(pos + 1) == '>') {
                    pos += at(pos + 2) == '>' ? 3 : 2;
                    return TokenType.PTR;
                }
                pos++;
                return TokenType.MINUS;
            case '(':
                pos++;
                return TokenType.LP;
            case ')':
                pos++;
                return TokenType.RP;
            case ';':
                pos++;
                return TokenType.SEMI;
            case '+':
                pos++;
                return TokenType.PLUS;
            case '*':
                pos++;
                return TokenType.STAR;
            case '/':
                pos++;
                return TokenType.SLASH;
            case '%':
                pos++;
                return TokenType.REM;
            case '=':
                pos += at(pos + 1) == '=' ? 2 : 1;
                return TokenType.EQ;
            case '<':
                switch (at(pos + 1)) {
                    case '=':
                        pos += 2;
                        return TokenType.LE;
                    case '>':
                        pos += 2;
                        return TokenType.NE;
                    case '<':
                        pos += 2;
                        return TokenType.LSHIFT;
                    default:
                        pos++;
                        return TokenType.LT;
                }
            case '>':
                switch (at(pos + 1)) {
                    case '=':
                        pos += 2;
                        return TokenType.GE;
                    case '>':
                        pos += 2;
                        return TokenType.RSHIFT;
                    default:
                        pos++;
                        return TokenType.GT;
                }
            case '!':
                if (at(pos + 1) == '=') {
                    pos += 2;
                    return TokenType.NE;
                }
                pos++;
                return TokenType.ILLEGAL;
            case '|':
                if (at(pos + 1) == '|') {
                    pos += 2;
                    return TokenType.CONCAT;
                }
                pos++;
                return TokenType.BITOR;
            case ',':
                pos++;
                return TokenType.COMMA;
            case '&':
                pos++;
                return TokenType.BITAND;
            case '~':
                pos++;
                return TokenType.BITNOT;
            case '\'':
            case '"':
            case '`':
                return scanQuoted(c);
            case '.':
                if (!isDigit(at(pos + 1))) {
                    pos++;
                    return TokenType.DOT;
                }
                return scanNumber();
            case '[':
                while (pos < n && s.charAt(pos) != ']') {
                    pos++;
                }
                if (pos < n) {
                    pos++;
                    return TokenType.ID;
                }
                return TokenType.ILLEGAL;
            case '?':
                pos++;
                while (pos < n && isDigit(s.charAt(pos))) {
                    pos++;
                }
                return TokenType.VARIABLE;
            case '$':
            case '@':
            case ':':
            case '#':
                return scanNamedVariable();
            case 'x':
            case 'X':
                if (at(pos + 1) == '\'') {
                    return scanBlob();
                }
                return scanWord();
            default:
                if (isDigit(c)) {
                    return scanNumber();
                }
                if (isIdChar(c)) {
                    return scanWord();
                }
                pos++;
                return TokenType.ILLEGAL;
        }
    }

    private int scanQuoted(char delim) {
        int i = pos + 1;
        while (i < n) {
            if (s.charAt(i) == delim) {
                if (at(i + 1) == delim) {
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return delim == '\'' ? TokenType.STRING : TokenType.ID;
            }
            i++;
        }
        pos = n;
        return TokenType.ILLEGAL;
    }

    private int scanBlob() {
        int i = pos + 2;
        while (i < n && isHexDigit(s.charAt(i))) {
            i++;
        }
        int t = TokenType.BLOB;
        if (i >= n || s.charAt(i) != '\'' || ((i - pos) & 1) != 0) {
            t = TokenType.ILLEGAL;
            while (i < n && s.charAt(i) != '\'') {
                i++;
            }
        }
        pos = i < n ? i + 1 : n;
        return t;
    }

    private int scanNamedVariable() {
        int i = pos + 1;
        int len = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isIdChar(c)) {
                i++;
                len++;
            } else if (c == '(' && len > 0) {
                do {
                    i++;
                } while (i < n && s.charAt(i) != ')' && !isSpace(s.charAt(i)));
                if (i < n && s.charAt(i) == ')') {
                    i++;
                    pos = i;
                    return TokenType.VARIABLE;
                }
                pos = i;
                return TokenType.ILLEGAL;
            } else if (c == ':' && at(i + 1) == ':') {
                i += 2;
            } else {
                break;
            }
        }
        pos = i;
        return len == 0 ? TokenType.ILLEGAL : TokenType.VARIABLE;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private int scanWord() {
        int i = pos + 1;
        while (i < n && isIdChar(s.charAt(i))) {
            i++;
        }
        int from = pos;
        pos = i;
        return TokenType.keyword(s, from, i);
    }

    private int scanNumber() {
        int i = pos;
        int t = TokenType.INTEGER;
        if (s.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHexDigit(at(i + 2))) {
            for (i += 3; ; i++) {
                char c = at(i);
                if (!isHexDigit(c)) {
                    if (c == '_') {
                        t = TokenType.QNUMBER;
                    } else {
                        break;
                    }
                }
            }
        } else {
            i = skipDigits(i);
            if (i < 0) {
                t = TokenType.QNUMBER;
                i = -i;
            }
            if (at(i) == '.') {
                if (t == TokenType.INTEGER) {
                    t = TokenType.FLOAT;
                }
                i = skipDigits(i + 1);
                if (i < 0) {
                    t = TokenType.QNUMBER;
                    i = -i;
                }
            }
            char e = at(i);
            if ((e == 'e' || e == 'E') && (isDigit(at(i + 1))
                || ((at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))))) {
                if (t == TokenType.INTEGER) {
                    t = TokenType.FLOAT;
                }
                i = skipDigits(i + 2);
                if (i < 0) {
                    t = TokenType.QNUMBER;
                    i = -i;
                }
            }
        }
        while (i < n && isIdChar(s.charAt(i))) {
            t = TokenType.ILLEGAL;
            i++;
        }
        pos = i;
        return t;
    }

    /** Skips digits and separators from {@code i}; returns the end, negated if a separator was seen. */
    private int skipDigits(int i) {
        boolean sep = false;
        while (i < n) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if (c == '_') {
                sep = true;
                i++;
            } else {
                break;
            }
        }
        return sep ? -i : i;
    }
}
