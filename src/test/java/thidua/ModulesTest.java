package thidua;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * thidua's top-level packages are its modules, and their dependencies point one way
 * (docs/architecture.md). The check fails on a cycle or on a reach into another module's
 * internals; each run writes the module diagrams into docs/architecture/.
 */
class ModulesTest {
    static final ApplicationModules MODULES = ApplicationModules.of(ThiduaApplication.class);
    static final Path DIAGRAMS = Path.of("docs/architecture");

    @Test
    void dependenciesPointOneWay() {
        MODULES.verify();
    }

    /**
     * Modulith lists a diagram's elements in no fixed order; sorted, a file changes only when
     * the modules do, so a test run leaves the checked-in diagrams alone.
     */
    @Test
    void writesTheModuleDiagrams() throws IOException {
        Path generated = Path.of("target/module-diagrams");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Files.createDirectories(DIAGRAMS);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                String text = sortedElements(Files.readString(file, StandardCharsets.UTF_8));
                Path target = DIAGRAMS.resolve(file.getFileName());
                if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Each run of consecutive Component(…) or Rel(…) lines in name order. */
    static String sortedElements(String plantUml) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : plantUml.split("\n", -1)) {
            String k = line.stripLeading().startsWith("Component(") ? "Component"
                    : line.startsWith("Rel(") ? "Rel" : null;
            if (k == null || !k.equals(kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            kind = k;
            (k == null ? out : run).add(line);
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }

    /** The check can fail: a test-only fixture whose two modules import each other is refused, the cycle named. */
    @Test
    void aCycleIsRefused() {
        // the fixture lives in test sources, which the application's own check leaves out
        ApplicationModules probe = ApplicationModules.of("thidua.modulesprobe", location -> true);
        assertThatThrownBy(probe::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected: Slice scoring")
                .hasMessageContaining("Slice submission")
                .hasMessageContaining("thidua.modulesprobe.submission.Value");
    }
}
