package dev.skerry.engine.doc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every row of {@code COMPAT.md} that claims a feature (its status is not **no** and not "differs") names
 * what proves it, and every test class a row names ({@code `SomethingTest`}) exists in the repository.
 */
class ProvingTestsExistTest {
    @Test
    void everyClaimNamesExistingTests() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("COMPAT.md"))) {
            root = root.getParent();
        }
        Set<String> classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith("Test.java") && !f.toString().contains("/target/")
                    && !f.toString().contains("/node_modules/"))
                .forEach(f -> classes.add(f.getFileName().toString().replace(".java", "")));
        }
        List<String> problems = new ArrayList<>();
        List<CompatTable.Row> rows = CompatTable.allRows();
        assertTrue(rows.size() > 150, "COMPAT.md rows: " + rows.size());
        for (CompatTable.Row row : rows) {
            boolean claim = !row.absent() && !row.status().startsWith("differs");
            if (claim && (row.provedBy().isEmpty() || row.provedBy().equals("—"))) {
                problems.add("no proof named: " + row.feature());
            }
            String cell = row.provedBy();
            int at = 0;
            while ((at = cell.indexOf('`', at)) >= 0) {
                int end = cell.indexOf('`', at + 1);
                if (end < 0) {
                    break;
                }
                String name = cell.substring(at + 1, end);
                if (name.endsWith("Test") && name.matches("[A-Z][A-Za-z0-9]*") && !classes.contains(name)) {
                    problems.add("no test class " + name + " (row: " + row.feature() + ")");
                }
                at = end + 1;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
