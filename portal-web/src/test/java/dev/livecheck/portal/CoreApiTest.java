package dev.livecheck.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.attempt.GuidanceCode;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal uses only liveness-core's public API: the engine (the front door, {@code LiveFrames} for the socket's
 * frame checks), the report values, the attempt's events (with their guidance codes) and challenges (and the planner that draws them) and the
 * frame rejection, and the proof that a frame passed {@code LiveFrames.inspect} ({@code InspectedFrame}, which only
 * the core can make). Not the perception internals ({@code vision}), not the thresholds ({@link AttemptSettings}), not
 * the checks, recordings or CLI: those may change without the portal noticing.
 */
class CoreApiTest {

    static final DescribedPredicate<JavaClass> CORE_API = resideInAnyPackage(
            "dev.livecheck.core.engine", "dev.livecheck.core.report")
            .or(belongToAnyOf(AttemptEvent.class, GuidanceCode.class, Challenge.class, ChallengePlanner.class,
                    FrameRejectedException.class, InspectedFrame.class))
            .as("liveness-core's public API");

    static final ArchRule PORTAL_USES_ONLY_THE_CORE_API = noClasses()
            .that().resideInAPackage("dev.livecheck.portal..")
            .should().dependOnClassesThat(resideInAPackage("dev.livecheck.core..").and(not(CORE_API)))
            .because("the portal depends on the engine's front door, never on its internals");

    private static JavaClasses portal;

    @BeforeAll
    static void importClasses() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.livecheck.portal");
    }

    @Test
    void portalUsesOnlyTheCoreApi() {
        PORTAL_USES_ONLY_THE_CORE_API.check(portal);
    }

    @Test
    void theRuleSeesTheProductionClassesAndCatchesACrossedEdge() {
        assertThat(portal.contain("dev.livecheck.portal.capture.AttemptGate")).isTrue();
        JavaClasses crossing = new ClassFileImporter().importClasses(ReachesIntoTheCore.class);
        assertThat(PORTAL_USES_ONLY_THE_CORE_API.evaluate(crossing).hasViolation()).isTrue();
    }

    /** What the rule forbids: a portal class reading the engine's thresholds. */
    static final class ReachesIntoTheCore {
        long lockTimeout() {
            return AttemptSettings.defaults().lockTimeoutMillis();
        }
    }
}
