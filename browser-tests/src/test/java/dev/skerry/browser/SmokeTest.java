package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void selectOne() throws Exception {
        try (Browser b = new Browser()) {
            Object r = b.eval("async () => { const db = await window.skerry.connect(':memory:');"
                    + " const rows = await db.prepare('select 1 as a, \\'x\\' as b').all(); await db.close();"
                    + " return JSON.stringify(rows); }");
            System.out.println(b.console());
            assertEquals("[{\"a\":1,\"b\":\"x\"}]", r);
        }
    }
}
