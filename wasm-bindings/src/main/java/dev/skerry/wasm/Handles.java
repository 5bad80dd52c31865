package dev.skerry.wasm;

/**
 * Small integer ids for objects handed to JavaScript (connections, statements). Id 0 is never used, so JS
 * can read 0 as "none". Invariant: {@code slots[id]} is the live object of {@code id}, or null once released;
 * released ids are reused, newest first.
 */
final class Handles<T> {
    private Object[] slots = new Object[16];
    private int[] free = new int[16];
    private int freeCount;
    private int next = 1;

    int add(T value) {
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            id = next++;
            if (id == slots.length) {
                Object[] grown = new Object[slots.length * 2];
                System.arraycopy(slots, 0, grown, 0, slots.length);
                slots = grown;
            }
        }
        slots[id] = value;
        return id;
    }

    @SuppressWarnings("unchecked")
    T get(int id) {
        return id > 0 && id < next ? (T) slots[id] : null;
    }

    /** One past the largest id ever handed out (ids are below it). */
    int limit() {
        return next;
    }

    void release(int id) {
        if (get(id) == null) {
            return;
        }
        slots[id] = null;
        if (freeCount == free.length) {
            int[] grown = new int[free.length * 2];
            System.arraycopy(free, 0, grown, 0, free.length);
            free = grown;
        }
        free[freeCount++] = id;
    }
}
