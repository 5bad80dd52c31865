package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * A window definition {@code ([base] [PARTITION BY ...] [ORDER BY ...] [frame])}.
 *
 * @param baseWindow the name of the window this one extends, or null
 * @param frame      the frame specification, or null for the default frame
 */
public record WindowDef(Name baseWindow, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame) {

    /** ROWS, RANGE or GROUPS. */
    public enum FrameUnit {
        ROWS, RANGE, GROUPS
    }

    /** The kinds of frame boundary. */
    public enum BoundKind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }

    /** The EXCLUDE clause of a frame. */
    public enum Exclude {
        NO_OTHERS, CURRENT_ROW, GROUP, TIES
    }

    /** A frame boundary; {@code offset} is set for PRECEDING and FOLLOWING only. */
    public record Bound(BoundKind kind, Expr offset) {
    }

    /**
     * A frame {@code unit BETWEEN start AND end [EXCLUDE ...]}; {@code unit start} alone has end CURRENT ROW,
     * as SQLite defines it.
     *
     * @param exclude null when no EXCLUDE clause was written (same as NO OTHERS)
     */
    public record Frame(FrameUnit unit, Bound start, Bound end, Exclude exclude) {
    }
}
