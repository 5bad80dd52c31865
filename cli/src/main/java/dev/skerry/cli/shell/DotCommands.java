package dev.skerry.cli.shell;

import dev.skerry.cli.backend.BackendException;
import dev.skerry.cli.backend.Query;
import dev.skerry.engine.value.Mem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The dot-commands the shell understands: {@code .bail .exit .headers .mode .nullvalue .print .quit .read
 * .schema .separator .tables}. A command name may be abbreviated to any prefix, as in {@code sqlite3}.
 * {@link #run} returns 0 on success, 1 on error (the caller counts it), 2 to stop reading input.
 */
final class DotCommands {
    private final Shell shell;
    private final ShellSettings s;

    DotCommands(Shell shell) {
        this.shell = shell;
        this.s = shell.settings;
    }

    int run(String line) {
        List<String> args = tokenize(line);
        if (args.isEmpty()) {
            return 0;
        }
        String cmd = args.get(0);
        int nArg = args.size();
        try {
            if (is(cmd, "bail", 1) && nArg == 2) {
                s.bail = booleanValue(args.get(1));
            } else if (is(cmd, "exit", 2) && nArg <= 2) {
                int code = nArg == 2 ? (int) integerValue(args.get(1)) : 0;
                if (code != 0) {
                    throw new ShellExit(code);
                }
                return 2;
            } else if (is(cmd, "headers", 1) && nArg == 2) {
                s.showHeader = booleanValue(args.get(1));
                s.headerSet = true;
            } else if (is(cmd, "mode", 1)) {
                return mode(args);
            } else if (is(cmd, "nullvalue", 1) && nArg == 2) {
                String v = args.get(1);
                s.nullValue = v.length() > 19 ? v.substring(0, 19) : v;
            } else if (is(cmd, "print", 2)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i < nArg; i++) {
                    if (i > 1) {
                        sb.append(' ');
                    }
                    sb.append(args.get(i));
                }
                shell.out.print(sb.append('\n').toString());
            } else if (is(cmd, "quit", 1) && nArg == 1) {
                return 2;
            } else if (is(cmd, "read", 3) && nArg == 2) {
                return read(args.get(1));
            } else if (is(cmd, "schema", 2) && nArg <= 2) {
                return schema(nArg == 2 ? args.get(1) : null);
            } else if (is(cmd, "separator", 3) && (nArg == 2 || nArg == 3)) {
                s.colSeparator = args.get(1);
                if (nArg == 3) {
                    s.rowSeparator = args.get(2);
                }
            } else if (is(cmd, "tables", 2) && nArg <= 2) {
                return tables(nArg == 2 ? args.get(1) : null);
            } else {
                shell.err.print("Error: unknown command or invalid arguments:  \"" + cmd
                        + "\". Enter \".help\" for help\n");
                return 1;
            }
        } catch (BackendException e) {
            shell.err.print("Error: " + e.getMessage() + "\n");
            return 1;
        } finally {
            shell.out.flush();
            shell.err.flush();
        }
        return 0;
    }

    /** Command-line options of the shell ({@code -csv}, {@code -header}, {@code -separator X}, ...). */
    boolean option(String name, String value) {
        switch (name) {
            case "-bail":
                s.bail = true;
                return true;
            case "-header":
            case "-headers":
                s.showHeader = true;
                s.headerSet = true;
                return true;
            case "-noheader":
                s.showHeader = false;
                s.headerSet = true;
                return true;
            case "-separator":
                s.colSeparator = value;
                return true;
            case "-newline":
                s.rowSeparator = value;
                return true;
            case "-nullvalue":
                s.nullValue = value;
                return true;
            case "-batch":
                return true;
            case "-csv":
                return use(OutputMode.CSV, ",", null);
            case "-quote":
                return use(OutputMode.QUOTE, ",", "\n");
            case "-tabs":
                return use(OutputMode.LIST, "\t", "\n");
            default:
                return modeOption(name);
        }
    }

    /** {@code -list -line -json -column -table -box -markdown}: only the mode changes. */
    private boolean modeOption(String name) {
        for (OutputMode m : new OutputMode[] {OutputMode.LIST, OutputMode.LINE, OutputMode.JSON,
            OutputMode.COLUMN, OutputMode.TABLE, OutputMode.BOX, OutputMode.MARKDOWN}) {
            if (name.equals("-" + m.name().toLowerCase(java.util.Locale.ROOT))) {
                s.mode = m;
                return true;
            }
        }
        return false;
    }

    /** True when {@code arg} is a prefix (of at least {@code min} characters) of {@code name}. */
    private static boolean is(String arg, String name, int min) {
        return arg.length() >= min && name.startsWith(arg);
    }

    /**
     * {@code .mode ?NAME? ?TABLE? ?--wrap N? ?--escape E?}. Without a name it prints the current mode and then,
     * as sqlite3 does, applies that mode again with default options (list resets its separators). Column
     * options not given return to their defaults.
     */
    private int mode(List<String> args) {
        String name = null;
        String table = null;
        int wrap = 60;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--wrap") || a.equals("-wrap")) && i + 1 < args.size()) {
                wrap = (int) integerValue(args.get(++i));
            } else if ((a.equals("--escape") || a.equals("-escape") || a.equals("-e")) && i + 1 < args.size()) {
                String e = args.get(++i);
                if (e.equals("ascii")) {
                    s.escape = ShellSettings.Escape.ASCII;
                } else if (e.equals("symbol")) {
                    s.escape = ShellSettings.Escape.SYMBOL;
                } else if (e.equals("off")) {
                    s.escape = ShellSettings.Escape.OFF;
                } else {
                    shell.err.print("unknown control character escape mode \"" + e
                            + "\" - choices: ascii symbol off\n");
                    return 1;
                }
            } else if (name == null) {
                name = a;
            } else if (table == null) {
                table = a;
            } else {
                shell.err.print("Error: invalid arguments: \"" + a + "\". Enter \".help\" for help\n");
                return 1;
            }
        }
        if (name == null) {
            name = s.mode == OutputMode.LIST ? "list" : s.mode.name().toLowerCase(java.util.Locale.ROOT);
            shell.out.print("current output mode: " + name + (s.mode.columnar()
                    ? " --wrap " + s.wrap + " --wordwrap off --noquote\n" : "\n"));
        }
        s.wrap = wrap;
        if (!setMode(name)) {
            shell.err.print("Error: mode should be one of: ascii box column csv html insert json line list "
                    + "markdown qbox quote table tabs tcl\n");
            return 1;
        }
        if (s.mode == OutputMode.INSERT) {
            String t = table == null ? "table" : table;
            s.insertTable = Identifiers.quoteIfNeeded(t);
        }
        return 0;
    }

    /**
     * {@code .mode NAME}: the mode and the separators it implies, as the shell sets them. They differ from the
     * command-line options of the same names ({@link #option}): {@code .mode csv} also sets the row separator,
     * {@code .mode tabs} leaves it, as sqlite3 does.
     */
    private boolean setMode(String name) {
        switch (name) {
            case "list":
                return use(OutputMode.LIST, "|", "\n");
            case "tabs":
                return use(OutputMode.LIST, "\t", null);
            case "csv":
                return use(OutputMode.CSV, ",", "\r\n");
            case "quote":
                return use(OutputMode.QUOTE, ",", "\n");
            case "line":
                return use(OutputMode.LINE, null, "\n");
            case "json":
                return use(OutputMode.JSON, null, null);
            case "insert":
                return use(OutputMode.INSERT, null, null);
            case "column":
                if (!s.headerSet) {
                    s.showHeader = true;
                }
                return use(OutputMode.COLUMN, null, "\n");
            case "table":
                return use(OutputMode.TABLE, null, null);
            case "box":
                return use(OutputMode.BOX, null, null);
            case "markdown":
                return use(OutputMode.MARKDOWN, null, null);
            default:
                return false;
        }
    }

    /** Sets the output mode and the separators that are not null; true, for the callers' switches. */
    private boolean use(OutputMode mode, String colSeparator, String rowSeparator) {
        s.mode = mode;
        if (colSeparator != null) {
            s.colSeparator = colSeparator;
        }
        if (rowSeparator != null) {
            s.rowSeparator = rowSeparator;
        }
        return true;
    }

    private int read(String file) {
        if (shell.inputNesting >= 25) {
            shell.err.print("Input nesting limit (25) reached at line 0. Check recursion.\n");
            return 1;
        }
        InputStream in;
        try {
            in = Files.newInputStream(Paths.get(file));
        } catch (IOException | RuntimeException e) {
            shell.err.print("Error: cannot open \"" + file + "\"\n");
            return 1;
        }
        try (InputStream closing = in) {
            return shell.runInput(closing);
        } catch (IOException e) {
            return 1;
        }
    }

    /** One row of {@code sqlite_schema}. */
    private static final class SchemaRow {
        final String type;
        final String name;
        final String tblName;
        final String sql;
        final long rowid;

        SchemaRow(String type, String name, String tblName, String sql, long rowid) {
            this.type = type;
            this.name = name;
            this.tblName = tblName;
            this.sql = sql;
            this.rowid = rowid;
        }
    }

    private List<SchemaRow> schemaRows() throws BackendException {
        List<SchemaRow> out = new ArrayList<>();
        Query q = shell.backend.prepare("SELECT type, name, tbl_name, sql, rowid FROM sqlite_schema");
        try {
            while (q.step()) {
                out.add(new SchemaRow(q.columnText(0), q.columnText(1), q.columnText(2),
                        q.columnType(3) == Mem.NULL ? null : q.columnText(3), q.columnLong(4)));
            }
        } finally {
            q.close();
        }
        out.sort((a, b) -> Long.compare(a.rowid, b.rowid));
        return out;
    }

    /** {@code .tables ?PATTERN?}: names of tables and views, sorted, in as many columns as fit 80. */
    private int tables(String pattern) throws BackendException {
        List<String> names = new ArrayList<>();
        for (SchemaRow r : schemaRows()) {
            if ((r.type.equals("table") || r.type.equals("view")) && !Patterns.like("sqlite_%", r.name, '\\')
                    && Patterns.like(pattern == null ? "%" : pattern, r.name, (char) 0)) {
                names.add(r.name);
            }
        }
        names.sort(null);
        int nRow = names.size();
        if (nRow == 0) {
            return 0;
        }
        int maxlen = 0;
        for (String n : names) {
            maxlen = Math.max(maxlen, RowPrinter.utf8(n).length);
        }
        int nPrintCol = Math.max(1, 80 / (maxlen + 2));
        int nPrintRow = (nRow + nPrintCol - 1) / nPrintCol;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nPrintRow; i++) {
            for (int j = i; j < nRow; j += nPrintRow) {
                if (j >= nPrintRow) {
                    sb.append("  ");
                }
                String n = names.get(j);
                sb.append(n).append(" ".repeat(Math.max(0, maxlen - RowPrinter.utf8(n).length)));
            }
            sb.append('\n');
        }
        shell.out.print(sb.toString());
        return 0;
    }

    /** {@code .schema ?PATTERN?}: the CREATE statements, in schema order, each ending with {@code ;}. */
    private int schema(String pattern) throws BackendException {
        for (SchemaRow r : schemaRows()) {
            if (r.sql == null) {
                continue;
            }
            if (pattern != null) {
                String subject = pattern.indexOf('.') >= 0 ? "main." + r.tblName : r.tblName;
                subject = subject.toLowerCase(java.util.Locale.ROOT);
                boolean glob = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
                if (glob ? !Patterns.glob(pattern, subject) : !Patterns.like(pattern, subject, '\\')) {
                    continue;
                }
            }
            String sql = r.sql;
            if (sql.startsWith("CREATE VIEW ")) {
                sql = sql + "\n/* " + viewColumns(r.name) + " */";
            }
            printSchemaLine(sql);
        }
        return 0;
    }

    /** {@code shellFakeSchema}: {@code name(col,...)} with names quoted where needed. */
    private String viewColumns(String view) throws BackendException {
        StringBuilder sb = new StringBuilder(Identifiers.quoteIfNeeded(view));
        sb.append('(');
        Query q = shell.backend.prepare("SELECT * FROM " + Identifiers.quote(view));
        try {
            for (int i = 0; i < q.columnCount(); i++) {
                String c = q.columnName(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(Identifiers.quoteIfNeeded(c));
            }
        } finally {
            q.close();
        }
        return sb.append(')').toString();
    }

    /** {@code printSchemaLine}: closes a trailing comment so the {@code ;} stays outside it. */
    private void printSchemaLine(String z) {
        if (z.contains("/*") || z.contains("--")) {
            for (String term : new String[] {"", "*/", "\n"}) {
                if (shell.isComplete.test(z + term + ";")) {
                    z = z + term;
                    break;
                }
            }
        }
        if (z.startsWith("CREATE TABLE ") && z.length() > 13 && (z.charAt(13) == '\'' || z.charAt(13) == '"')) {
            z = "CREATE TABLE IF NOT EXISTS " + z.substring(13);
        }
        shell.out.print(z + ";\n");
    }

    /** {@code booleanValue}: on/yes/true or a non-zero number; anything else is off (with a warning). */
    private boolean booleanValue(String arg) {
        int i = 0;
        if (arg.startsWith("0x") || arg.startsWith("0X")) {
            i = 2;
        }
        int j = i;
        while (j < arg.length() && Character.isLetterOrDigit(arg.charAt(j)) && Character.digit(arg.charAt(j),
                i == 2 ? 16 : 10) >= 0) {
            j++;
        }
        if (j > i && j == arg.length()) {
            return integerValue(arg) != 0;
        }
        if (arg.equalsIgnoreCase("on") || arg.equalsIgnoreCase("yes") || arg.equalsIgnoreCase("true")) {
            return true;
        }
        if (!arg.equalsIgnoreCase("off") && !arg.equalsIgnoreCase("no") && !arg.equalsIgnoreCase("false")) {
            shell.err.print("ERROR: Not a boolean value: \"" + arg + "\". Assuming \"no\".\n");
        }
        return false;
    }

    /** {@code integerValue}: optional sign, decimal or 0x hex digits; stops at the first other character. */
    private static long integerValue(String arg) {
        int i = 0;
        boolean negative = false;
        if (i < arg.length() && (arg.charAt(i) == '-' || arg.charAt(i) == '+')) {
            negative = arg.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (arg.startsWith("0x", i) || arg.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        }
        long v = 0;
        while (i < arg.length() && Character.digit(arg.charAt(i), radix) >= 0) {
            v = v * radix + Character.digit(arg.charAt(i), radix);
            i++;
        }
        return negative ? -v : v;
    }

    /** The shell's argument splitting: whitespace-separated words; quotes group; {@code "} resolves escapes. */
    static List<String> tokenize(String line) {
        List<String> args = new ArrayList<>();
        int h = 1;
        int n = line.length();
        while (h < n) {
            while (h < n && QuickScan.isSpace(line.charAt(h))) {
                h++;
            }
            if (h >= n) {
                break;
            }
            char c = line.charAt(h);
            if (c == '\'' || c == '"') {
                h++;
                StringBuilder sb = new StringBuilder();
                while (h < n && line.charAt(h) != c) {
                    if (line.charAt(h) == '\\' && c == '"' && h + 1 < n) {
                        sb.append('\\');
                        h++;
                    }
                    sb.append(line.charAt(h));
                    h++;
                }
                if (h < n) {
                    h++;
                }
                args.add(c == '"' ? resolveBackslashes(sb.toString()) : sb.toString());
            } else {
                int start = h;
                while (h < n && !QuickScan.isSpace(line.charAt(h))) {
                    h++;
                }
                args.add(line.substring(start, h));
            }
        }
        return args;
    }

    /** {@code resolve_backslashes}: C escapes ({@code \n \t \\ \NNN} ...) in a double-quoted argument. */
    static String resolveBackslashes(String z) {
        StringBuilder sb = new StringBuilder(z.length());
        int n = z.length();
        for (int i = 0; i < n; i++) {
            char c = z.charAt(i);
            if (c == '\\' && i + 1 < n) {
                c = z.charAt(++i);
                switch (c) {
                    case 'a': c = 7; break;
                    case 'b': c = '\b'; break;
                    case 't': c = '\t'; break;
                    case 'n': c = '\n'; break;
                    case 'v': c = 11; break;
                    case 'f': c = '\f'; break;
                    case 'r': c = '\r'; break;
                    default:
                        if (c >= '0' && c <= '7') {
                            int v = c - '0';
                            for (int k = 0; k < 2 && i + 1 < n && z.charAt(i + 1) >= '0' && z.charAt(i + 1) <= '7';
                                 k++) {
                                v = (v << 3) + z.charAt(++i) - '0';
                            }
                            c = (char) (v & 0xFF);
                        }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
