package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
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

    /** A window with its base windows folded in. {@code key} is equal for windows written the same way. */
    static final class Resolved {
        final List<Expr> partition;
        final List<OrderingTerm> order;
        /** The frame as written, or null for the default one. */
        final WindowDef.Frame frame;
        final String key;

        Resolved(List<Expr> partition, List<OrderingTerm> order, WindowDef.Frame frame, String sql) {
            this.partition = partition;
            this.order = order;
            this.frame = frame;
            StringBuilder k = new StringBuilder();
            for (Expr e : partition) {
                k.append(e.sourceText(sql)).append(',');
            }
            k.append('|');
            for (OrderingTerm t : order) {
                k.append(t.expr().sourceText(sql)).append(' ').append(t.order()).append(' ').append(t.nulls()).append(',');
            }
            k.append('|');
            if (frame != null) {
                k.append(frame.unit()).append(' ').append(bound(frame.start(), sql)).append(' ')
                        .append(bound(frame.end(), sql)).append(' ').append(frame.exclude());
            }
            this.key = k.toString();
        }

        private static String bound(WindowDef.Bound b, String sql) {
            return b.kind() + (b.offset() == null ? "" : "(" + b.offset().sourceText(sql) + ")");
        }
    }

    /** The window of {@code over} in a SELECT whose WINDOW clause is {@code named}. */
    static Resolved resolve(Expr.Over over, List<NamedWindow> named, String sql) throws SqliteException {
        WindowDef def = over.windowName() != null ? find(named, over.windowName().text()).definition()
                : over.definition();
        return fold(def, named, sql, 0);
    }

    private static Resolved fold(WindowDef def, List<NamedWindow> named, String sql, int depth)
            throws SqliteException {
        if (def.baseWindow() == null) {
            Resolved r = new Resolved(def.partitionBy(), def.orderBy(), def.frame(), sql);
            check(r);
            return r;
        }
        if (depth > named.size()) {
            throw SqliteException.error("no such window: " + def.baseWindow().text());
        }
        String name = def.baseWindow().text();
        Resolved base = fold(find(named, name).definition(), named, sql, depth + 1);
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

    private static NamedWindow find(List<NamedWindow> named, String name) throws SqliteException {
        for (int k = named.size() - 1; k >= 0; k--) {
            if (Names.equal(named.get(k).name().text(), name)) {
                return named.get(k);
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
