package dev.skerry.engine.json;

/**
 * The deep well-formedness check of a JSONB blob (SQLite's {@code jsonbValidityCheck}), used by
 * json_valid's JSONB flags, json_error_position on blobs and to tell JSONB from text in short blobs.
 */
final class JsonValidity {
    private JsonValidity() {
    }

    /** 0 when the node at {@code i} is well-formed and ends exactly at {@code end}; else 1 + the offset of the fault. */
    static int check(byte[] z, int i, int end) {
        return check(z, i, end, 1);
    }

    private static int check(byte[] z, int i, int end, int depth) {
        if (depth > Jsonb.MAX_DEPTH) {
            return i + 1;
        }
        long h = Jsonb.header(z, i, z.length);
        if (h == 0) {
            return i + 1;
        }
        int n = Jsonb.hdrLen(h);
        int sz = Jsonb.size(h);
        if (i + n + sz != end) {
            return i + 1;
        }
        int x = z[i] & 0x0f;
        int j = i + n;
        int k = j + sz;
        switch (x) {
            case Jsonb.NULL:
            case Jsonb.TRUE:
            case Jsonb.FALSE:
                return n + sz == 1 ? 0 : i + 1;
            case Jsonb.INT:
                if (sz < 1) {
                    return i + 1;
                }
                if (z[j] == '-') {
                    j++;
                    if (sz < 2) {
                        return i + 1;
                    }
                }
                for (; j < k; j++) {
                    if (!Jsonb.isDigit(z[j])) {
                        return j + 1;
                    }
                }
                return 0;
            case Jsonb.INT5:
                if (sz < 3) {
                    return i + 1;
                }
                if (z[j] == '-') {
                    if (sz < 4) {
                        return i + 1;
                    }
                    j++;
                }
                if (z[j] != '0') {
                    return i + 1;
                }
                if (z[j + 1] != 'x' && z[j + 1] != 'X') {
                    return j + 2;
                }
                for (j += 2; j < k; j++) {
                    if (!Jsonb.isXDigit(z[j])) {
                        return j + 1;
                    }
                }
                return 0;
            case Jsonb.FLOAT:
            case Jsonb.FLOAT5:
                return real(z, i, j, k, x, sz);
            case Jsonb.TEXT:
                for (; j < k; j++) {
                    if (!Jsonb.isOk(z[j]) && z[j] != '\'') {
                        return j + 1;
                    }
                }
                return 0;
            case Jsonb.TEXTJ:
            case Jsonb.TEXT5:
                return escaped(z, j, k, x);
            case Jsonb.TEXTRAW:
                return 0;
            case Jsonb.ARRAY:
            case Jsonb.OBJECT: {
                int cnt = 0;
                while (j < k) {
                    long hh = Jsonb.header(z, j, z.length);
                    if (hh == 0) {
                        return j + 1;
                    }
                    int len = Jsonb.hdrLen(hh) + Jsonb.size(hh);
                    if (j + len > k) {
                        return j + 1;
                    }
                    if (x == Jsonb.OBJECT && (cnt & 1) == 0) {
                        int t = z[j] & 0x0f;
                        if (t < Jsonb.TEXT || t > Jsonb.TEXTRAW) {
                            return j + 1;
                        }
                    }
                    int sub = check(z, j, j + len, depth + 1);
                    if (sub != 0) {
                        return sub;
                    }
                    cnt++;
                    j += len;
                }
                if (x == Jsonb.OBJECT && (cnt & 1) != 0) {
                    return j + 1;
                }
                return 0;
            }
            default:
                return i + 1;
        }
    }

    private static int real(byte[] z, int i, int j, int k, int x, int sz) {
        int seen = 0;
        if (sz < 2) {
            return i + 1;
        }
        if (z[j] == '-') {
            j++;
            if (sz < 3) {
                return i + 1;
            }
        }
        if (z[j] == '.') {
            if (x == Jsonb.FLOAT) {
                return j + 1;
            }
            if (!Jsonb.isDigit(z[j + 1])) {
                return j + 1;
            }
            j += 2;
            seen = 1;
        } else if (z[j] == '0' && x == Jsonb.FLOAT) {
            if (j + 3 > k) {
                return j + 1;
            }
            if (z[j + 1] != '.' && z[j + 1] != 'e' && z[j + 1] != 'E') {
                return j + 1;
            }
            j++;
        }
        for (; j < k; j++) {
            int c = z[j];
            if (Jsonb.isDigit(c)) {
                continue;
            }
            if (c == '.') {
                if (seen > 0) {
                    return j + 1;
                }
                if (x == Jsonb.FLOAT && (j == k - 1 || !Jsonb.isDigit(z[j + 1]))) {
                    return j + 1;
                }
                seen = 1;
                continue;
            }
            if (c == 'e' || c == 'E') {
                if (seen == 2) {
                    return j + 1;
                }
                if (j == k - 1) {
                    return j + 1;
                }
                if (z[j + 1] == '+' || z[j + 1] == '-') {
                    j++;
                    if (j == k - 1) {
                        return j + 1;
                    }
                }
                seen = 2;
                continue;
            }
            return j + 1;
        }
        return seen == 0 ? i + 1 : 0;
    }

    private static int escaped(byte[] z, int j, int k, int x) {
        while (j < k) {
            int c = z[j] & 0xff;
            if (!Jsonb.isOk(c) && c != '\'') {
                if (c == '"') {
                    if (x == Jsonb.TEXTJ) {
                        return j + 1;
                    }
                } else if (c <= 0x1f) {
                    if (x == Jsonb.TEXTJ) {
                        return j + 1;
                    }
                } else if (j + 1 >= k) {
                    return j + 1;
                } else if ("\"\\/bfnrt".indexOf(z[j + 1]) >= 0 && z[j + 1] != 0) {
                    j++;
                } else if (z[j + 1] == 'u') {
                    if (j + 5 >= k) {
                        return j + 1;
                    }
                    for (int q = j + 2; q < j + 6; q++) {
                        if (!Jsonb.isXDigit(z[q])) {
                            return j + 1;
                        }
                    }
                    j++;
                } else if (x != Jsonb.TEXT5) {
                    return j + 1;
                } else {
                    long r = JsonValues.unescapeOne(z, j, k);
                    if ((int) (r >>> 32) == JsonValues.INVALID_CHAR) {
                        return j + 1;
                    }
                    j += (int) r - 1;
                }
            }
            j++;
        }
        return 0;
    }
}
