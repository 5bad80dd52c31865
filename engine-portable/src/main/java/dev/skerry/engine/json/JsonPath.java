package dev.skerry.engine.json;

/**
 * Path lookup in a JSONB document, and the edits json_set/json_insert/json_replace/json_remove make at the
 * place a path names (SQLite's {@code jsonLookupStep}). A path is {@code $} followed by steps: {@code .key},
 * {@code ."key"}, {@code [N]}, {@code [#]} and {@code [#-N]}.
 *
 * <p>State: the document {@code a[0 .. n)} (edited in place; its capacity grows as needed), the edit being
 * made ({@link #edit} with the node to insert), {@link #delta} (how much the current edit has changed the
 * document's length, which tells the enclosing containers to rewrite their sizes), and {@link #label}: the
 * offset of the label of the value last found inside an object (0 when it was not in an object).
 */
final class JsonPath {
    /** The path names no element. */
    static final int NOT_FOUND = -1;
    /** The JSONB is not well-formed. */
    static final int MALFORMED = -2;
    /** The path is not well-formed. */
    static final int BAD_PATH = -3;

    static final int EDIT_NONE = 0;
    static final int EDIT_DELETE = 1;
    static final int EDIT_REPLACE = 2;
    static final int EDIT_INSERT = 3;
    static final int EDIT_SET = 4;

    byte[] a;
    int n;
    int edit;
    byte[] ins;
    int delta;
    int label;
    /** The recursion depth of the lookup in progress (bounded by {@link Jsonb#MAX_RECURSION}). */
    private int nesting;

    JsonPath(byte[] doc, boolean copy) {
        if (copy) {
            a = new byte[doc.length + 16];
            System.arraycopy(doc, 0, a, 0, doc.length);
        } else {
            a = doc;
        }
        n = doc.length;
    }

    byte[] result() {
        if (a.length == n) {
            return a;
        }
        byte[] r = new byte[n];
        System.arraycopy(a, 0, r, 0, n);
        return r;
    }

    /** The path's bytes, NUL-terminated (an embedded NUL ends the path, as in SQLite). */
    static byte[] pathBytes(String path) {
        byte[] p = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] z = new byte[p.length + 1];
        System.arraycopy(p, 0, z, 0, p.length);
        return z;
    }

    /**
     * Follows {@code path[at ..]} (the part after {@code $}) from the node at {@code root}; returns the offset
     * of the node found (after making the edit, if any) or {@link #NOT_FOUND}, {@link #MALFORMED},
     * {@link #BAD_PATH}.
     */
    int lookup(int root, byte[] path, int at, int labelAt) {
        if (path[at] == 0) {
            if (edit != EDIT_NONE) {
                long h = Jsonb.header(a, root, n);
                int sz = Jsonb.hdrLen(h) + Jsonb.size(h);
                if (edit == EDIT_DELETE) {
                    if (labelAt > 0) {
                        sz += root - labelAt;
                        root = labelAt;
                    }
                    replace(root, sz, null, 0);
                } else if (edit != EDIT_INSERT) {
                    replace(root, sz, ins, ins.length);
                }
            }
            label = labelAt;
            return root;
        }
        if (path[at] != '.' && path[at] != '[') {
            return BAD_PATH;
        }
        if (++nesting > Jsonb.MAX_RECURSION) {
            nesting--;
            return MALFORMED;
        }
        int rc = path[at] == '.' ? member(root, path, at + 1) : element(root, path, at);
        nesting--;
        return rc;
    }

    private int member(int root, byte[] path, int at) {
        int keyAt;
        int nKey;
        int i;
        boolean rawKey = true;
        if (path[at] == '"') {
            keyAt = at + 1;
            for (i = 1; path[at + i] != 0 && path[at + i] != '"'; i++) {
                if (path[at + i] == '\\' && path[at + i + 1] != 0) {
                    i++;
                }
            }
            nKey = i - 1;
            if (path[at + i] == 0) {
                return BAD_PATH;
            }
            i++;
            for (int k = keyAt; k < keyAt + nKey; k++) {
                if (path[k] == '\\') {
                    rawKey = false;
                }
            }
        } else {
            keyAt = at;
            for (i = 0; path[at + i] != 0 && path[at + i] != '.' && path[at + i] != '['; i++) {
                continue;
            }
            nKey = i;
            if (nKey == 0) {
                return BAD_PATH;
            }
        }
        int rest = at + i;
        if ((a[root] & 0x0f) != Jsonb.OBJECT) {
            return NOT_FOUND;
        }
        long h = Jsonb.header(a, root, n);
        int j = root + Jsonb.hdrLen(h);
        int end = j + Jsonb.size(h);
        while (j < end) {
            int x = a[j] & 0x0f;
            if (x < Jsonb.TEXT || x > Jsonb.TEXTRAW) {
                return MALFORMED;
            }
            long lh = Jsonb.header(a, j, n);
            if (lh == 0) {
                return MALFORMED;
            }
            int k = j + Jsonb.hdrLen(lh);
            int sz = Jsonb.size(lh);
            if (k + sz >= end) {
                return MALFORMED;
            }
            boolean rawLabel = x == Jsonb.TEXT || x == Jsonb.TEXTRAW;
            if (sameLabel(path, keyAt, nKey, rawKey, a, k, sz, rawLabel)) {
                int v = k + sz;
                if ((a[v] & 0x0f) > Jsonb.OBJECT) {
                    return MALFORMED;
                }
                long vh = Jsonb.header(a, v, n);
                if (vh == 0 || v + Jsonb.hdrLen(vh) + Jsonb.size(vh) > end) {
                    return MALFORMED;
                }
                int rc = lookup(v, path, rest, j);
                if (delta != 0) {
                    afterEditSizeAdjust(root);
                }
                return rc;
            }
            j = k + sz;
            if ((a[j] & 0x0f) > Jsonb.OBJECT) {
                return MALFORMED;
            }
            long vh = Jsonb.header(a, j, n);
            if (vh == 0) {
                return MALFORMED;
            }
            j += Jsonb.hdrLen(vh) + Jsonb.size(vh);
        }
        if (j > end) {
            return MALFORMED;
        }
        if (edit >= EDIT_INSERT) {
            JsonBuilder ix = new JsonBuilder(16);
            ix.appendHeader(rawKey ? Jsonb.TEXTRAW : Jsonb.TEXT5, nKey);
            ix.append(path, keyAt, nKey);
            int[] rc = new int[1];
            byte[] v = substructure(path, rest, rc);
            if (rc[0] >= 0) {
                ix.append(v, 0, v.length);
                replace(j, 0, ix.buf, ix.length);
                if (delta != 0) {
                    afterEditSizeAdjust(root);
                }
            }
            return rc[0];
        }
        return NOT_FOUND;
    }

    private int element(int root, byte[] path, int at) {
        if ((a[root] & 0x0f) != Jsonb.ARRAY) {
            return NOT_FOUND;
        }
        long h = Jsonb.header(a, root, n);
        long k = 0;
        int i = 1;
        while (Jsonb.isDigit(path[at + i])) {
            k = (k * 10 + path[at + i] - '0') & 0xffffffffL;
            i++;
        }
        if (i < 2 || path[at + i] != ']') {
            if (path[at + 1] == '#') {
                k = arrayCount(root);
                i = 2;
                if (path[at + 2] == '-' && Jsonb.isDigit(path[at + 3])) {
                    long nn = 0;
                    i = 3;
                    do {
                        nn = (nn * 10 + path[at + i] - '0') & 0xffffffffL;
                        i++;
                    } while (Jsonb.isDigit(path[at + i]));
                    if (nn > k) {
                        return NOT_FOUND;
                    }
                    k -= nn;
                }
                if (path[at + i] != ']') {
                    return BAD_PATH;
                }
            } else {
                return BAD_PATH;
            }
        }
        int rest = at + i + 1;
        int j = root + Jsonb.hdrLen(h);
        int end = j + Jsonb.size(h);
        while (j < end) {
            if (k == 0) {
                int rc = lookup(j, path, rest, 0);
                if (delta != 0) {
                    afterEditSizeAdjust(root);
                }
                return rc;
            }
            k--;
            long eh = Jsonb.header(a, j, n);
            if (eh == 0) {
                return MALFORMED;
            }
            j += Jsonb.hdrLen(eh) + Jsonb.size(eh);
        }
        if (j > end) {
            return MALFORMED;
        }
        if (k > 0) {
            return NOT_FOUND;
        }
        if (edit >= EDIT_INSERT) {
            int[] rc = new int[1];
            byte[] v = substructure(path, rest, rc);
            if (rc[0] >= 0) {
                replace(j, 0, v, v.length);
            }
            if (delta != 0) {
                afterEditSizeAdjust(root);
            }
            return rc[0];
        }
        return NOT_FOUND;
    }

    /** The number of elements of the array at {@code root}. */
    int arrayCount(int root) {
        long h = Jsonb.header(a, root, n);
        int hl = Jsonb.hdrLen(h);
        int end = root + hl + Jsonb.size(h);
        int k = 0;
        for (int i = root + hl; hl > 0 && i < end; k++) {
            long eh = Jsonb.header(a, i, n);
            hl = Jsonb.hdrLen(eh);
            i += hl + Jsonb.size(eh);
        }
        return k;
    }

    /**
     * The node to insert where the path ends at {@code rest}: the value itself, or the arrays and objects the
     * rest of the path creates around it ({@code jsonCreateEditSubstructure}); its lookup result in {@code rc[0]}.
     */
    private byte[] substructure(byte[] path, int rest, int[] rc) {
        if (path[rest] == 0) {
            rc[0] = 0;
            return ins;
        }
        JsonPath sub = new JsonPath(new byte[] {(byte) (path[rest] == '.' ? Jsonb.OBJECT : Jsonb.ARRAY)}, true);
        sub.edit = edit;
        sub.ins = ins;
        sub.nesting = nesting;
        rc[0] = sub.lookup(0, path, rest, 0);
        return sub.result();
    }

    /** Replaces {@code nDel} bytes at {@code at} by {@code src[0 .. nIns)} ({@code jsonBlobEdit}). */
    void replace(int at, int nDel, byte[] src, int nIns) {
        int d = nIns - nDel;
        if (d < 0 && d >= -8 && src != null && overwrite(at, src, nIns, -d)) {
            return;
        }
        if (d != 0) {
            if (n + d > a.length) {
                byte[] b = new byte[Math.max(a.length * 2, n + d + 16)];
                System.arraycopy(a, 0, b, 0, n);
                a = b;
            }
            System.arraycopy(a, at + nDel, a, at + nIns, n - at - nDel);
            n += d;
            delta += d;
        }
        if (nIns > 0 && src != null) {
            System.arraycopy(src, 0, a, at, nIns);
        }
    }

    private static final int[] WIDE_TYPE = {0xc0, 0xd0, 0, 0xe0, 0, 0, 0, 0xf0};

    /**
     * Writes the node {@code src} over {@code nIns + d} bytes by widening its header by {@code d} bytes (1 to 8)
     * when a header of that width exists ({@code jsonBlobOverwrite}); false when it cannot.
     */
    private boolean overwrite(int at, byte[] src, int nIns, int d) {
        if ((src[0] & 0x0f) <= Jsonb.FALSE) {
            return false;
        }
        int i;
        int hdr;
        switch ((src[0] & 0xff) >> 4) {
            case 12:
                if (((1 << d) & 0x8a) == 0) {
                    return false;
                }
                i = d + 2;
                hdr = 2;
                break;
            case 13:
                if (d != 2 && d != 6) {
                    return false;
                }
                i = d + 3;
                hdr = 3;
                break;
            case 14:
                if (d != 4) {
                    return false;
                }
                i = 9;
                hdr = 5;
                break;
            case 15:
                return false;
            default:
                if (((1 << d) & 0x116) == 0) {
                    return false;
                }
                i = d + 1;
                hdr = 1;
        }
        a[at] = (byte) ((src[0] & 0x0f) | WIDE_TYPE[i - 2]);
        System.arraycopy(src, hdr, a, at + i, nIns - hdr);
        long payload = nIns - hdr;
        while (true) {
            i--;
            a[at + i] = (byte) payload;
            if (i == 1) {
                break;
            }
            payload >>= 8;
        }
        return true;
    }

    /** After an edit inside the container at {@code root}: rewrites its size ({@code jsonAfterEditSizeAdjust}). */
    void afterEditSizeAdjust(int root) {
        long h = Jsonb.header(a, root, a.length);
        int sz = Jsonb.size(h) + delta;
        delta += changePayloadSize(root, sz);
    }

    /** Rewrites the header at {@code i} for a payload of {@code sz} in the shortest form; returns the change in length. */
    private int changePayloadSize(int i, int sz) {
        int x = (a[i] & 0xff) >> 4;
        int extra = x <= 11 ? 0 : x == 12 ? 1 : x == 13 ? 2 : x == 14 ? 4 : 8;
        int needed = JsonBuilder.extraBytes(sz);
        int d = needed - extra;
        if (d != 0) {
            if (n + d > a.length) {
                byte[] b = new byte[Math.max(a.length * 2, n + d + 16)];
                System.arraycopy(a, 0, b, 0, n);
                a = b;
            }
            System.arraycopy(a, i + 1 + extra, a, i + 1 + needed, n - i - 1 - extra);
            n += d;
        }
        int type = a[i] & 0x0f;
        switch (needed) {
            case 0:
                a[i] = (byte) (type | (sz << 4));
                break;
            case 1:
                a[i] = (byte) (type | 0xc0);
                a[i + 1] = (byte) sz;
                break;
            case 2:
                a[i] = (byte) (type | 0xd0);
                a[i + 1] = (byte) (sz >> 8);
                a[i + 2] = (byte) sz;
                break;
            default:
                a[i] = (byte) (type | 0xe0);
                a[i + 1] = (byte) (sz >> 24);
                a[i + 2] = (byte) (sz >> 16);
                a[i + 3] = (byte) (sz >> 8);
                a[i + 4] = (byte) sz;
        }
        return d;
    }

    /** Whether a path key and an object label name the same text, escapes decoded where present. */
    static boolean sameLabel(byte[] k, int kAt, int nK, boolean rawK, byte[] l, int lAt, int nL, boolean rawL) {
        if (rawK && rawL) {
            if (nK != nL) {
                return false;
            }
            for (int q = 0; q < nK; q++) {
                if (k[kAt + q] != l[lAt + q]) {
                    return false;
                }
            }
            return true;
        }
        byte[] x = rawK ? slice(k, kAt, nK) : JsonValues.unescape(k, kAt, nK);
        byte[] y = rawL ? slice(l, lAt, nL) : JsonValues.unescape(l, lAt, nL);
        return java.util.Arrays.equals(x, y);
    }

    private static byte[] slice(byte[] b, int at, int len) {
        byte[] r = new byte[len];
        System.arraycopy(b, at, r, 0, len);
        return r;
    }
}
