package dev.skerry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The command line: --port over PORT over 8080, --host, --help, and one-line reasons for bad input. */
class ServerOptionsTest {
    private static ServerOptions parse(String env, String... args) {
        return ServerOptions.parse(args, env);
    }

    private static String failure(String env, String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(args, env)).getMessage();
    }

    @Test
    void defaultsTo8080OnEveryInterface() {
        assertEquals(new ServerOptions(null, 8080, false), parse(null));
        assertEquals(new ServerOptions(null, 8080, false), parse(" "));
    }

    @Test
    void portComesFromTheOptionThenTheEnvironment() {
        assertEquals(9000, parse("7000", "--port", "9000").port());
        assertEquals(9001, parse(null, "--port=9001").port());
        assertEquals(7000, parse("7000").port());
        assertEquals(0, parse(null, "--port", "0").port());
    }

    @Test
    void hostAndHelp() {
        assertEquals(new ServerOptions("127.0.0.1", 8080, true), parse(null, "--host", "127.0.0.1", "--help"));
        assertEquals("::1", parse(null, "--host=::1").host());
        assertEquals(true, parse(null, "-h").help());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("--port is not a port number: abc", failure(null, "--port", "abc"));
        assertEquals("--port is out of range (0 to 65535): 70000", failure(null, "--port", "70000"));
        assertEquals("PORT is not a port number: http", failure("http"));
        assertEquals("--port needs a value", failure(null, "--port"));
        assertEquals("unknown argument: demo.db", failure(null, "demo.db"));
    }
}
