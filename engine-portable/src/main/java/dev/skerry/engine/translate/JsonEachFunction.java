package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.json.JsonWalk;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.vdbe.Opcode;

/**
 * {@code json_each(json [, root])} and {@code json_tree(json [, root])} (https://sqlite.org/json1.html#jeach):
 * visible columns key, value, type, atom, id, parent, fullkey, path; hidden columns json and root. The rows
 * come from {@link JsonWalk}; comparisons on the visible columns are left to the loop.
 *
 * <p>Registers of one scan: a block of four (the json argument, the root argument, the document's JSONB, the
 * walk's state blob); functions the bytecode calls compute the document, the first state, each column from the
 * state, and the next state (NULL when the rows are over).
 */
final class JsonEachFunction implements TableFunction {
    private static final String[] COLUMNS = {"key", "value", "type", "atom", "id", "parent", "fullkey", "path",
        "json", "root"};
    private static final int VISIBLE = 8;
    private final boolean recursive;
    private final String name;
    private int block;

    JsonEachFunction(boolean recursive) {
        this.recursive = recursive;
        this.name = recursive ? "json_tree" : "json_each";
    }

    @Override
    public String[] columns() {
        return COLUMNS;
    }

    @Override
    public int visibleColumns() {
        return VISIBLE;
    }

    /** The rowid (the walk's row counter) follows the columns. */
    @Override
    public int rowidColumn() {
        return COLUMNS.length;
    }

    @Override
    public void first(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int empty)
            throws SqliteException {
        block = p.regs(4);
        boolean hasRoot = args[1] != 0;
        for (int k = 0; k < 2; k++) {
            if (args[k] != 0) {
                p.v.addOp(Opcode.SCOPY, args[k], block + k);
            } else {
                p.v.addOp(Opcode.NULL, 0, block + k);
            }
        }
        if (args[0] == 0) {
            p.v.addOp(Opcode.GOTO, 0, empty);
            return;
        }
        call(p, (ctx, r, base, n, out) -> {
            byte[] doc = JsonWalk.document(r[base]);
            if (doc == null) {
                out.setNull();
            } else {
                out.setBlob(doc);
            }
        }, 1, block + 2);
        p.v.addOp(Opcode.IS_NULL, block + 2, empty);
        boolean rec = recursive;
        call(p, (ctx, r, base, n, out) -> {
            byte[] state = new JsonWalk(rec).start(r[base + 2].blob(), r[base + 1], hasRoot);
            if (state == null) {
                out.setNull();
            } else {
                out.setBlob(state);
            }
        }, 4, block + 3);
        p.v.addOp(Opcode.IS_NULL, block + 3, empty);
        columns(p, row, 0, COLUMNS.length);
        columns(p, row, COLUMNS.length, COLUMNS.length + 1);
    }

    @Override
    public void next(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int more) {
        if (args[0] == 0) {
            return;
        }
        int state = p.reg();
        boolean rec = recursive;
        call(p, (ctx, r, base, n, out) -> {
            JsonWalk w = new JsonWalk(rec);
            w.load(r[base + 2].blob(), r[base + 3].blob());
            byte[] s = w.next();
            if (s == null) {
                out.setNull();
            } else {
                out.setBlob(s);
            }
        }, 4, state);
        int done = p.v.addOp(Opcode.IS_NULL, state, 0);
        p.v.addOp(Opcode.SCOPY, state, block + 3);
        columns(p, row, 0, VISIBLE);
        columns(p, row, COLUMNS.length, COLUMNS.length + 1);
        p.v.addOp(Opcode.GOTO, 0, more);
        p.v.jumpHere(done);
    }

    /**
     * Emits the computation of the row's columns {@code from .. to-1} from the current state (the hidden json
     * and root columns stay the same through a scan and are computed at its start only).
     */
    private void columns(Parse p, int row, int from, int to) {
        boolean rec = recursive;
        for (int k = from; k < to; k++) {
            int column = k;
            call(p, (ctx, r, base, n, out) -> {
                JsonWalk w = new JsonWalk(rec);
                w.load(r[base + 2].blob(), r[base + 3].blob());
                w.column(column, r[base], out);
            }, 4, row + k);
        }
    }

    private void call(Parse p, dev.skerry.engine.func.ScalarFunction f, int n, int target) {
        p.v.addOp(Opcode.FUNCTION, 0, block, target, FunctionDef.scalar(name, n, true, f), n);
    }
}
