package thidua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * thidua's top-level packages are its modules; their dependencies must point one way
 * (docs/architecture.md). Fails on a cycle or on a reach into another module's internals,
 * and writes the module diagrams into docs/architecture/ on every run.
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
}
