package dev.skerry.engine.json;

/**
 * json_patch: RFC 7396 MergePatch of a target document by a patch document, done on the target's JSONB in
 * place as SQLite's {@code jsonMergePatch} does (so the JSONB result is byte for byte SQLite's).
 */
final class JsonPatch {
    private JsonPatch() {
    }

    /** Merges the patch at {@code ip} in {@code patch} into the node at {@code it} of {@code t}; false if malformed. */
    static boolean merge(JsonPath t, int it, byte[] patch, int ip, int depth) {
        if (depth > Jsonb.MAX_RECURSION) {
            return false;
        }
        int pn = patch.length;
        if ((patch[ip] & 0x0f) != Jsonb.OBJECT) {
            int szPatch = Jsonb.nodeLength(patch, ip, pn);
            int szTarget = Jsonb.nodeLength(t.a, it, t.n);
            byte[] src = new byte[szPatch];
            System.arraycopy(patch, ip, src, 0, szPatch);
            t.replace(it, szTarget, src, szPatch);
            return true;
        }
        if ((t.a[it] & 0x0f) != Jsonb.OBJECT) {
            long h = Jsonb.header(t.a, it, t.n);
            t.replace(it + Jsonb.hdrLen(h), Jsonb.size(h), null, 0);
            t.a[it] = (byte) ((t.a[it] & 0xf0) | Jsonb.OBJECT);
        }
        long ph = Jsonb.header(patch, ip, pn);
        if (ph == 0) {
            return false;
        }
        int pCur = ip + Jsonb.hdrLen(ph);
        int pEnd = pCur + Jsonb.size(ph);
        long th = Jsonb.header(t.a, it, t.a.length);
        if (th == 0) {
            return false;
        }
        int tStart = it + Jsonb.hdrLen(th);
        int tEndBefore = tStart + Jsonb.size(th);
        while (pCur < pEnd) {
            int pLabel = pCur;
            int ePLabel = patch[pCur] & 0x0f;
            if (ePLabel < Jsonb.TEXT || ePLabel > Jsonb.TEXTRAW) {
                return false;
            }
            long plh = Jsonb.header(patch, pCur, pn);
            if (plh == 0) {
                return false;
            }
            int nPLabel = Jsonb.hdrLen(plh);
            int szPLabel = Jsonb.size(plh);
            int pValue = pCur + nPLabel + szPLabel;
            if (pValue >= pEnd) {
                return false;
            }
            long pvh = Jsonb.header(patch, pValue, pn);
            if (pvh == 0) {
                return false;
            }
            int pValueLen = Jsonb.hdrLen(pvh) + Jsonb.size(pvh);
            pCur = pValue + pValueLen;
            if (pCur > pEnd) {
                return false;
            }
            int tCur = tStart;
            int tEnd = tEndBefore + t.delta;
            int tLabel = 0;
            int tEntryLen = 0;
            while (tCur < tEnd) {
                tLabel = tCur;
                int eTLabel = t.a[tCur] & 0x0f;
                if (eTLabel < Jsonb.TEXT || eTLabel > Jsonb.TEXTRAW) {
                    return false;
                }
                long tlh = Jsonb.header(t.a, tCur, t.n);
                if (tlh == 0) {
                    return false;
                }
                int tValue = tLabel + Jsonb.hdrLen(tlh) + Jsonb.size(tlh);
                if (tValue >= tEnd) {
                    return false;
                }
                long tvh = Jsonb.header(t.a, tValue, t.n);
                if (tvh == 0) {
                    return false;
                }
                int tValueEnd = tValue + Jsonb.hdrLen(tvh) + Jsonb.size(tvh);
                if (tValueEnd > tEnd) {
                    return false;
                }
                boolean equal = JsonPath.sameLabel(patch, pLabel + nPLabel, szPLabel,
                        ePLabel == Jsonb.TEXT || ePLabel == Jsonb.TEXTRAW, t.a, tLabel + Jsonb.hdrLen(tlh),
                        Jsonb.size(tlh), eTLabel == Jsonb.TEXT || eTLabel == Jsonb.TEXTRAW);
                if (equal) {
                    tEntryLen = tValueEnd - tLabel;
                    break;
                }
                tCur = tValueEnd;
            }
            int x = patch[pValue] & 0x0f;
            if (tCur < tEnd) {
                if (x == Jsonb.NULL) {
                    t.replace(tLabel, tEntryLen, null, 0);
                } else {
                    int saved = t.delta;
                    t.delta = 0;
                    int tValue = tLabel + Jsonb.nodeLength(t.a, tLabel, t.n);
                    if (!merge(t, tValue, patch, pValue, depth + 1)) {
                        return false;
                    }
                    t.delta += saved;
                }
            } else if (x != Jsonb.NULL) {
                int szNew = szPLabel + nPLabel;
                if (x != Jsonb.OBJECT) {
                    byte[] src = new byte[szNew + pValueLen];
                    System.arraycopy(patch, pLabel, src, 0, szNew);
                    System.arraycopy(patch, pValue, src, szNew, pValueLen);
                    t.replace(tEnd, 0, src, src.length);
                } else {
                    byte[] src = new byte[szNew + 1];
                    System.arraycopy(patch, pLabel, src, 0, szNew);
                    t.replace(tEnd, 0, src, src.length);
                    int saved = t.delta;
                    t.delta = 0;
                    if (!merge(t, tEnd + szNew, patch, pValue, depth + 1)) {
                        return false;
                    }
                    t.delta += saved;
                }
            }
        }
        if (t.delta != 0) {
            t.afterEditSizeAdjust(it);
        }
        return true;
    }
}
