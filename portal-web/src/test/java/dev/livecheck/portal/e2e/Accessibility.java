package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's engine, the one browser devtools use) run inside the page as it is now: WCAG 2.1 A and AA rules.
 * Serious and critical violations fail the test; every finding, minor ones included, is written to
 * {@code target/e2e/accessibility/<page>.txt}.
 */
final class Accessibility {
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Path REPORTS = Path.of("target", "e2e", "accessibility");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        write(page, driver.getCurrentUrl(), results);
        List<String> blocking = violations.stream().filter(r -> BLOCKING.contains(r.getImpact()))
                .map(Accessibility::describe).toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s", page).isEmpty();
        assertThat(results.getPasses()).as("axe must really have checked %s", page).isNotEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void write(String page, String url, Results results) {
        StringBuilder text = new StringBuilder(url).append('\n')
                .append(results.getPasses().size()).append(" rules passed, ")
                .append(results.getViolations().size()).append(" violated, ")
                .append(results.getIncomplete().size()).append(" need review\n");
        results.getViolations().forEach(r -> text.append("VIOLATION ").append(describe(r)).append('\n'));
        results.getIncomplete().forEach(r -> text.append("REVIEW ").append(describe(r)).append('\n'));
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(page + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
