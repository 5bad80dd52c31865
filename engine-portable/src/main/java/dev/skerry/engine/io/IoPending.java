package dev.skerry.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The signal that a routine cannot go on until some completions finish: thrown, caught by the VM's step
 * loop (or by another state machine's driver), turned into an {@code IO} result for the host.
 *
 * <p>It carries no stack trace (it is control flow, and cheap to throw). A routine collects every completion
 * it needs before throwing, so that the host can issue them as one group.
 */
public final class IoPending extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<Completion> completions = new ArrayList<>();

    public IoPending() {
        super(null, null, false, false);
    }

    public IoPending(Completion c) {
        this();
        completions.add(c);
    }

    public IoPending add(Completion c) {
        completions.add(c);
        return this;
    }

    public List<Completion> completions() {
        return completions;
    }
}
