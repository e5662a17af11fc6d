package thidua;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void dependenciesPointOneWay() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/architecture"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
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
