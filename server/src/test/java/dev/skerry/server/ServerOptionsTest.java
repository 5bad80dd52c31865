package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line and the SKERRY_PORT / SKERRY_DATA variables. */
class ServerOptionsTest {
    @Test
    void defaultsAndEnvironment() {
        ServerOptions d = ServerOptions.parse(new String[0], Map.of());
        assertEquals(8080, d.port());
        assertEquals(Paths.get("data"), d.data());
        assertTrue(d.createOnFirstUse());
        ServerOptions e = ServerOptions.parse(new String[0], Map.of("SKERRY_PORT", "9000", "SKERRY_DATA", "/tmp/x"));
        assertEquals(9000, e.port());
        assertEquals(Paths.get("/tmp/x"), e.data());
        ServerOptions a = ServerOptions.parse(new String[] {"--port=7000", "--data", "d", "--max-open", "5",
            "--db-idle-seconds", "2", "--stream-idle-seconds", "3", "--busy-timeout-ms", "40", "--no-create"},
                Map.of("SKERRY_PORT", "9000"));
        assertEquals(7000, a.port());
        assertEquals(5, a.maxOpen());
        assertEquals(2000, a.dbIdleMillis());
        assertEquals(3000, a.streamIdleMillis());
        assertEquals(40, a.busyTimeoutMillis());
        assertFalse(a.createOnFirstUse());
    }

    @Test
    void authenticationIsOnByDefaultWithTheAdminTokenFromTheCommandLineOrEnvironment() {
        ServerOptions d = ServerOptions.parse(new String[0], Map.of());
        assertTrue(d.auth());
        assertEquals(null, d.adminToken());
        assertEquals(30_000, d.requestTimeoutMillis());
        ServerOptions e = ServerOptions.parse(new String[0], Map.of("SKERRY_ADMIN_TOKEN", "env-token"));
        assertEquals("env-token", e.adminToken());
        ServerOptions a = ServerOptions.parse(new String[] {"--admin-token", "cli", "--no-auth",
            "--request-timeout-ms=250"}, Map.of("SKERRY_ADMIN_TOKEN", "env-token"));
        assertEquals("cli", a.adminToken());
        assertFalse(a.auth());
        assertEquals(250, a.requestTimeoutMillis());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--admin-token", " "},
                Map.of()));
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        assertEquals("unknown argument: --prot", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--prot", "1"}, Map.of())).getMessage());
        assertEquals("--port is out of range (0 to 65535): 70000", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--port", "70000"}, Map.of())).getMessage());
        assertEquals("--data needs a value", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--data"}, Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[0], Map.of("SKERRY_PORT", "x")));
    }
}
