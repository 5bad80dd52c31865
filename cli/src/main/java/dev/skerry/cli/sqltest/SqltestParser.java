package dev.skerry.cli.sqltest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .sqltest} file (Turso's DSL, summarised in {@code corpus/turso-sqltest/README.md}) as
 * {@code run_sqltest_cli.py} does: a tokenizer of newlines, words, {@code "strings"} and {@code { blocks }}
 * (nested braces; {@code \{ \} \\} escapes; the newline after {@code {} and the one before {@code }} dropped;
 * {@code #} comments outside blocks), then a parser of the top-level items. Macros {@code {{expr_depth_limit}}}
 * and {@code {{repeat:N:text}}} are expanded in setups, test SQL and expectations.
 */
public final class SqltestParser {
    /** SQLite's default {@code SQLITE_MAX_EXPR_DEPTH}, the value of the {@code expr_depth_limit} macro. */
    static final int EXPR_DEPTH_LIMIT = 1000;
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:([^:}]+):(.*?)\\}\\}", Pattern.DOTALL);

    private static final int NL = 0;
    private static final int STR = 1;
    private static final int BLOCK = 2;
    private static final int WORD = 3;

    /** A malformed file. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private final List<int[]> kinds = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private int pos;

    private SqltestParser() {
    }

    public static SqltestFile parse(String text) throws ParseError {
        SqltestParser p = new SqltestParser();
        p.tokenize(text);
        return p.file();
    }

    private void token(int kind, String value) {
        kinds.add(new int[] {kind});
        values.add(value);
    }

    private void tokenize(String text) throws ParseError {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                token(NL, null);
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                token(STR, text.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else if (c == '{') {
                i = block(text, i);
            } else {
                int j = i;
                while (j < n && " \t\r\n{\"".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                token(WORD, text.substring(i, j));
                i = j;
            }
        }
    }

    /** Reads the block opening at {@code text[i]}; returns the index after its closing brace. */
    private int block(String text, int i) throws ParseError {
        int n = text.length();
        i++;
        if (i < n && text.charAt(i) == '\n') {
            i++;
        }
        int depth = 1;
        StringBuilder out = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && "{}\\".indexOf(text.charAt(i + 1)) >= 0) {
                out.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    int len = out.length();
                    if (len > 0 && out.charAt(len - 1) == '\n') {
                        out.setLength(len - 1);
                    }
                    token(BLOCK, out.toString());
                    return i + 1;
                }
            }
            out.append(c);
            i++;
        }
        throw new ParseError("unterminated block");
    }

    private int kind(int k) {
        return kinds.get(k)[0];
    }

    private String need(int kind) throws ParseError {
        while (pos < kinds.size() && kind(pos) == NL) {
            pos++;
        }
        if (pos >= kinds.size() || kind(pos) != kind) {
            throw new ParseError("expected " + (kind == WORD ? "a word" : kind == STR ? "a string" : "a block")
                    + " near token " + pos);
        }
        return values.get(pos++);
    }

    private boolean isWord(int k, String w) {
        return k < kinds.size() && kind(k) == WORD && values.get(k).equals(w);
    }

    private SqltestFile file() throws ParseError {
        SqltestFile f = new SqltestFile();
        SqltestCase pending = new SqltestCase(null, null);
        int n = kinds.size();
        while (pos < n) {
            int kind = kind(pos);
            String val = values.get(pos);
            pos++;
            if (kind == NL) {
                continue;
            }
            if (kind != WORD) {
                throw new ParseError("unexpected " + (kind == STR ? "string" : "block") + " near token " + pos);
            }
            switch (val) {
                case "@database": {
                    String spec = need(WORD);
                    boolean ro = isWord(pos, "readonly");
                    if (ro) {
                        pos++;
                    }
                    f.databases.add(new SqltestFile.Database(spec, ro));
                    break;
                }
                case "@skip-file":
                    f.skipFile = need(STR);
                    break;
                case "@skip-file-if":
                    f.skipFileIf.add(new String[] {need(WORD), need(STR)});
                    break;
                case "@requires-file":
                    need(WORD);
                    need(STR);
                    break;
                case "setup": {
                    String name = need(WORD);
                    f.setups.put(name, expandMacros(need(BLOCK)).strip());
                    break;
                }
                case "@setup":
                    pending.setups.add(need(WORD));
                    break;
                case "@skip":
                    pending.skip = need(STR);
                    break;
                case "@skip-if":
                    pending.skipIf.add(new String[] {need(WORD), need(STR)});
                    break;
                case "@backend":
                    pending.backend = need(WORD);
                    break;
                case "@requires":
                    pending.requires.add(need(WORD));
                    need(STR);
                    break;
                case "@var":
                    need(WORD);
                    need(BLOCK);
                    break;
                case "test":
                    pending = testCase(f, pending);
                    break;
                default:
                    if (val.startsWith("snapshot") || val.equals("matrix")) {
                        need(WORD);
                        need(BLOCK);
                        f.otherCases++;
                        pending = new SqltestCase(null, null);
                    } else if (!val.startsWith("@")) {
                        throw new ParseError("unexpected word '" + val + "'");
                    }
            }
        }
        return f;
    }

    /** Reads {@code NAME { SQL }} and its expect blocks; returns a fresh holder for the next decorators. */
    private SqltestCase testCase(SqltestFile f, SqltestCase decorators) throws ParseError {
        String name = need(WORD);
        SqltestCase t = new SqltestCase(name, expandMacros(need(BLOCK)).strip());
        t.setups.addAll(decorators.setups);
        t.skip = decorators.skip;
        t.skipIf.addAll(decorators.skipIf);
        t.backend = decorators.backend;
        t.requires.addAll(decorators.requires);
        int n = kinds.size();
        while (true) {
            int j = pos;
            while (j < n && kind(j) == NL) {
                j++;
            }
            if (!isWord(j, "expect")) {
                break;
            }
            pos = j + 1;
            String backend = "";
            String modifier = null;
            while (pos < n && kind(pos) == WORD) {
                String w = values.get(pos);
                if (w.startsWith("@")) {
                    backend = w.substring(1);
                } else {
                    modifier = w;
                }
                pos++;
            }
            t.expectations.put(backend, new Expectation(modifier, expandMacros(need(BLOCK))));
        }
        if (!t.expectations.containsKey("")) {
            throw new ParseError("test " + name + " has no default expect block");
        }
        f.cases.add(t);
        return new SqltestCase(null, null);
    }

    /** Expands {@code {{repeat:N:text}}} (N: digits, + and -, and {@code expr_depth_limit}) and {@code {{expr_depth_limit}}}. */
    static String expandMacros(String s) throws ParseError {
        Matcher m = REPEAT.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start());
            int count = count(m.group(1));
            String text = m.group(2);
            for (int k = 0; k < count; k++) {
                out.append(text);
            }
            last = m.end();
        }
        out.append(s.substring(last));
        return out.toString().replace("{{expr_depth_limit}}", Integer.toString(EXPR_DEPTH_LIMIT));
    }

    private static int count(String expr) throws ParseError {
        String e = expr.strip().replace("expr_depth_limit", Integer.toString(EXPR_DEPTH_LIMIT)).replace(" ", "");
        if (!e.matches("[0-9+\\-]+")) {
            throw new ParseError("bad repeat count '" + expr + "'");
        }
        int total = 0;
        int sign = 1;
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '+' || c == '-') {
                sign = c == '-' ? -sign : sign;
                i++;
                continue;
            }
            int j = i;
            while (j < e.length() && Character.isDigit(e.charAt(j))) {
                j++;
            }
            total += sign * Integer.parseInt(e.substring(i, j));
            sign = 1;
            i = j;
        }
        return total;
    }
}
