package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.WindowFunctions;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.NamedWindow;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.WindowDef;
import dev.skerry.engine.schema.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The window a function call's OVER clause names, resolved against the SELECT's WINDOW clause as SQLite's
 * {@code sqlite3WindowChain} and {@code sqlite3WindowUpdate} do: {@code OVER w} is the named window;
 * {@code OVER (w ORDER BY ... frame)} extends it, and may add an ORDER BY or a frame but not override its
 * PARTITION BY, ORDER BY or frame. When a name is defined twice the last definition wins.
 */
final class WindowDefs {
    private WindowDefs() {
    }

    /**
     * A window with its base windows folded in. {@code key} is equal for windows SQLite finds compatible
     * ({@code sqlite3WindowCompare}): same PARTITION BY, ORDER BY and frame, the default frame being RANGE
     * BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
     */
    static final class Resolved {
        final List<Expr> partition;
        final List<OrderingTerm> order;
        /** The frame as written, or null for the default one. */
        final WindowDef.Frame frame;
        /** True when the frame is one SQLite imposes on a built-in function ({@link #forFunction}). */
        final boolean imposed;
        final String key;

        Resolved(List<Expr> partition, List<OrderingTerm> order, WindowDef.Frame frame, String sql) {
            this(partition, order, frame, false, frameKey(frame, sql), sql);
        }

        private Resolved(List<Expr> partition, List<OrderingTerm> order, WindowDef.Frame frame, boolean imposed,
                String frameKey, String sql) {
            this.partition = partition;
            this.order = order;
            this.frame = frame;
            this.imposed = imposed;
            StringBuilder k = new StringBuilder();
            for (Expr e : partition) {
                k.append(e.sourceText(sql)).append(',');
            }
            k.append('|');
            for (OrderingTerm t : order) {
                k.append(t.expr().sourceText(sql)).append(' ').append(t.order()).append(' ').append(t.nulls()).append(',');
            }
            this.key = k.append('|').append(frameKey).toString();
        }

        private static String frameKey(WindowDef.Frame f, String sql) {
            if (f == null) {
                return "RANGE UNBOUNDED_PRECEDING() CURRENT_ROW() NO_OTHERS";
            }
            return f.unit() + " " + bound(f.start(), sql) + " " + bound(f.end(), sql) + " "
                    + (f.exclude() == null ? WindowDef.Exclude.NO_OTHERS : f.exclude());
        }

        private static String bound(WindowDef.Bound b, String sql) {
            return b.kind() + "(" + (b.offset() == null ? "" : b.offset().sourceText(sql)) + ")";
        }

        /**
         * The window as the built-in function of kind {@code kind} uses it: SQLite's {@code
         * sqlite3WindowUpdate} replaces the frame of the functions that ignore it by a fixed one, which
         * decides which windows are computed together.
         */
        Resolved forFunction(int kind, String sql) {
            switch (kind) {
                case WindowFunctions.ROW_NUMBER:
                case WindowFunctions.LAG:
                    return imposed(WindowDef.FrameUnit.ROWS, WindowDef.BoundKind.UNBOUNDED_PRECEDING, "",
                            WindowDef.BoundKind.CURRENT_ROW, sql);
                case WindowFunctions.RANK:
                case WindowFunctions.DENSE_RANK:
                    return imposed(WindowDef.FrameUnit.RANGE, WindowDef.BoundKind.UNBOUNDED_PRECEDING, "",
                            WindowDef.BoundKind.CURRENT_ROW, sql);
                case WindowFunctions.PERCENT_RANK:
                    return imposed(WindowDef.FrameUnit.GROUPS, WindowDef.BoundKind.CURRENT_ROW, "",
                            WindowDef.BoundKind.UNBOUNDED_FOLLOWING, sql);
                case WindowFunctions.CUME_DIST:
                    return imposed(WindowDef.FrameUnit.GROUPS, WindowDef.BoundKind.FOLLOWING, "1",
                            WindowDef.BoundKind.UNBOUNDED_FOLLOWING, sql);
                case WindowFunctions.NTILE:
                    return imposed(WindowDef.FrameUnit.ROWS, WindowDef.BoundKind.CURRENT_ROW, "",
                            WindowDef.BoundKind.UNBOUNDED_FOLLOWING, sql);
                case WindowFunctions.LEAD:
                    return imposed(WindowDef.FrameUnit.ROWS, WindowDef.BoundKind.UNBOUNDED_PRECEDING, "",
                            WindowDef.BoundKind.UNBOUNDED_FOLLOWING, sql);
                default:
                    return this;
            }
        }

        /** The imposed frame has no offset expressions: the functions given it never read the frame. */
        private Resolved imposed(WindowDef.FrameUnit unit, WindowDef.BoundKind start, String startOffset,
                WindowDef.BoundKind end, String sql) {
            WindowDef.Frame f = new WindowDef.Frame(unit, new WindowDef.Bound(start, null),
                    new WindowDef.Bound(end, null), null);
            String key = unit + " " + start + "(" + startOffset + ") " + end + "() " + WindowDef.Exclude.NO_OTHERS;
            return new Resolved(partition, order, f, true, key, sql);
        }
    }

    /**
     * The window of {@code over} in a SELECT whose WINDOW clause is {@code named}. As SQLite's grammar chains
     * them, a WINDOW-clause definition's base is looked up among the definitions before it only, and the first
     * definition's base is ignored; an inline {@code OVER (w ...)} looks in the whole clause.
     */
    static Resolved resolve(Expr.Over over, List<NamedWindow> named, String sql) throws SqliteException {
        if (over.windowName() != null) {
            int i = find(named, over.windowName().text(), named.size());
            return fold(named.get(i).definition(), named, visibleTo(i), sql);
        }
        return fold(over.definition(), named, named.size(), sql);
    }

    /** What the WINDOW-clause definition at {@code i} sees: the ones before it; -1 (its base ignored) for the first. */
    private static int visibleTo(int i) {
        return i == 0 ? -1 : i;
    }

    /**
     * {@code def} with its base folded in; the base is looked up among the first {@code visible} definitions
     * (none, and the base ignored, when {@code visible} is -1).
     */
    private static Resolved fold(WindowDef def, List<NamedWindow> named, int visible, String sql)
            throws SqliteException {
        if (def.baseWindow() == null || visible < 0) {
            Resolved r = new Resolved(def.partitionBy(), def.orderBy(), def.frame(), sql);
            check(r);
            return r;
        }
        String name = def.baseWindow().text();
        int j = find(named, name, visible);
        Resolved base = fold(named.get(j).definition(), named, visibleTo(j), sql);
        if (!def.partitionBy().isEmpty()) {
            throw SqliteException.error("cannot override PARTITION clause of window: " + name);
        }
        if (!def.orderBy().isEmpty() && !base.order.isEmpty()) {
            throw SqliteException.error("cannot override ORDER BY clause of window: " + name);
        }
        if (base.frame != null) {
            throw SqliteException.error("cannot override frame specification of window: " + name);
        }
        List<OrderingTerm> order = def.orderBy().isEmpty() ? base.order : def.orderBy();
        Resolved r = new Resolved(new ArrayList<>(base.partition), order, def.frame(), sql);
        check(r);
        return r;
    }

    /** The index of the newest of the first {@code visible} definitions named {@code name}. */
    private static int find(List<NamedWindow> named, String name, int visible) throws SqliteException {
        for (int k = visible - 1; k >= 0; k--) {
            if (Names.equal(named.get(k).name().text(), name)) {
                return k;
            }
        }
        throw SqliteException.error("no such window: " + name);
    }

    /** SQLite's checks of a frame: bounds in a usable order; RANGE offsets need exactly one ORDER BY term. */
    private static void check(Resolved r) throws SqliteException {
        WindowDef.Frame f = r.frame;
        if (f == null) {
            return;
        }
        WindowDef.BoundKind s = f.start().kind();
        WindowDef.BoundKind e = f.end().kind();
        if ((s == WindowDef.BoundKind.CURRENT_ROW && e == WindowDef.BoundKind.PRECEDING)
                || (s == WindowDef.BoundKind.FOLLOWING
                        && (e == WindowDef.BoundKind.PRECEDING || e == WindowDef.BoundKind.CURRENT_ROW))) {
            throw SqliteException.error("unsupported frame specification");
        }
        boolean offset = f.start().offset() != null || f.end().offset() != null;
        if (f.unit() == WindowDef.FrameUnit.RANGE && offset && r.order.size() != 1) {
            throw SqliteException.error("RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression");
        }
    }
}
