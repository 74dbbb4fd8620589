package dev.livecheck.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The feature packages are application modules: no cycles, no reaching into another module's internals, and no
 * dependency a module's {@code package-info.java} does not allow ({@code @ApplicationModule(allowedDependencies)}).
 * Every portal endpoint under {@code /sessions} is in the {@code sessions} module.
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
     * A newcomer looks for a {@code /sessions/**} endpoint in {@code sessions}: every portal mapping under it is
     * declared there (the base package or one of its internal sub-packages, {@code export} and {@code report}).
     */
    @Test
    void everySessionsEndpointLivesInTheSessionsModule() {
        List<Class<?>> portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.livecheck.portal").stream().map(JavaClass::reflect).toList();
        assertThat(endpointsUnder("/sessions", portal))
                .contains("/sessions/export.csv", "/sessions/{id}/report.pdf", "/sessions/{id}/evidence.zip",
                        "/sessions/{id}/report");
        assertThat(sessionsEndpointsOutsideTheModule(portal)).isEmpty();
        assertThat(sessionsEndpointsOutsideTheModule(List.of(StraySessionsEndpoint.class)))
                .as("the check sees a /sessions mapping declared elsewhere")
                .containsExactly(StraySessionsEndpoint.class.getName() + " /sessions/stray");
    }

    static List<String> sessionsEndpointsOutsideTheModule(Collection<Class<?>> types) {
        ApplicationModule sessions = MODULES.getModuleByName("sessions").orElseThrow();
        return types.stream().filter(type -> !sessions.contains(type))
                .flatMap(type -> endpointsUnder("/sessions", List.of(type)).stream().map(p -> type.getName() + " " + p))
                .toList();
    }

    /** Paths of the handler methods in {@code types} (with the class-level prefix) that start with {@code prefix}. */
    static List<String> endpointsUnder(String prefix, Collection<Class<?>> types) {
        return types.stream().flatMap(type -> {
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            List<String> bases = onType == null || onType.path().length == 0 ? List.of("") : List.of(onType.path());
            return Stream.of(type.getDeclaredMethods())
                    .map(method -> AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class))
                    .filter(Objects::nonNull)
                    .flatMap(mapping -> mapping.path().length == 0 ? Stream.of("") : Stream.of(mapping.path()))
                    .flatMap(path -> bases.stream().map(base -> base + path));
        }).filter(path -> path.equals(prefix) || path.startsWith(prefix + "/")).distinct().toList();
    }

    /** What the check forbids: a {@code /sessions} page declared outside the sessions module. */
    static final class StraySessionsEndpoint {
        @GetMapping("/sessions/stray")
        String stray() {
            return "stray";
        }
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
