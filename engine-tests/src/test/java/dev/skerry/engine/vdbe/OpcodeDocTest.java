package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opcode doc blocks are in the fixed form, and agree with the name and synopsis tables EXPLAIN uses. */
class OpcodeDocTest {
    private static final Path SOURCE = Path.of("../engine-portable/src/main/java/dev/skerry/engine/vdbe/Opcode.java");

    @Test
    void everyOpcodeHasADocBlockMatchingItsTables() throws Exception {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int seen = 0;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (line.startsWith("public static final int NUM_OPCODES")) {
                break;
            }
            if (!line.startsWith("public static final int ") || !line.endsWith(";")) {
                continue;
            }
            assertEquals("*/", lines.get(k - 1).trim(), "doc block of " + line);
            String[] decl = line.substring("public static final int ".length(), line.length() - 1).split(" = ");
            int value = Integer.parseInt(decl[1]);
            int start = k - 1;
            while (start >= 0 && !lines.get(start).trim().equals("/**")) {
                start--;
            }
            String first = lines.get(start + 1).trim();
            assertTrue(first.startsWith("* {@code "), "first line of the doc block of " + line);
            String head = first.substring("* {@code ".length());
            String name = head.substring(0, head.indexOf(head.indexOf(' ') >= 0 && head.indexOf(' ') < head.indexOf('}') ? ' ' : '}'));
            assertEquals(name, Opcode.name(value), "name of " + decl[0]);
            assertEquals(value, Opcode.byName(name));
            int syn = first.indexOf(" — synopsis {@code ");
            String synopsis = syn < 0 ? null
                    : first.substring(syn + " — synopsis {@code ".length(), first.length() - "}.".length());
            assertEquals(synopsis, Opcode.synopsis(value), "synopsis of " + name);
            assertEquals("*", lines.get(start + 2).trim(), "blank line after the first of " + name);
            assertTrue(lines.get(start + 3).trim().startsWith("* <p>"), "description of " + name);
            seen++;
        }
        assertEquals(Opcode.NUM_OPCODES, seen);
    }
}
