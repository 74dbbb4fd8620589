package dev.livecheck.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are application modules: no cycles, no reaching into another module's internals, and no
 * dependency a module's {@code package-info.java} does not allow ({@code @ApplicationModule(allowedDependencies)}).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LivecheckApplication.class);

    /** Where the build writes the module diagrams and canvases; committed, so docs/architecture.md links to them. */
    static final Path DOCS = Path.of("..", "docs", "modules");

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    /**
     * Regenerates docs/modules on every build (the folder is cleaned first): the PlantUML diagram of all modules
     * ({@code components.puml}), one per module ({@code module-<name>.puml}) and each module's canvas
     * ({@code module-<name>.adoc}). A commit that changes a module edge therefore changes these files too.
     */
    @Test
    void documentationIsWrittenIntoDocs() throws IOException {
        assertThat(DOCS.resolveSibling("architecture.md")).as("run from portal-web").exists();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, inStableOrder(Files.readAllLines(puml)));
            }
        }
        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("module-sessions.adoc")).exists();
        assertThat(Files.isRegularFile(DOCS.resolve("module-reports.puml"))).isTrue();
    }

    /**
     * The Documenter writes components and relations in hash order, which differs from run to run; sorted, an
     * unchanged module structure leaves the committed files unchanged.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component" : null;
            if (kind == null || !kind.equals(runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runKind = kind;
            (kind == null ? out : run).add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
