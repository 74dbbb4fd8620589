package dev.livecheck.portal.sessions;

import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.report.SubCheck;
import java.util.List;
import java.util.Optional;

/**
 * One sub-check of an attempt as the report table shows it: outcome, reason and each measured value (formatted by
 * {@link ReportFormats#detail}). Public because the session API reports the same rows as its check breakdown.
 */
public record SubCheckRow(String name, String outcome, String reason, List<Detail> details) {

    public record Detail(String key, String value) {
    }

    static SubCheckRow of(SubCheck check) {
        List<Detail> details = check.details().entrySet().stream()
                .map(e -> new Detail(e.getKey(), ReportFormats.detail(e.getValue())))
                .toList();
        return new SubCheckRow(check.name(), check.outcome().name(), check.reason(), details);
    }

    /**
     * The rows of an attempt's stored engine report ({@code Attempt.subChecksJson}); empty when there is none or it
     * is not an engine report (written by an older engine, say), so a caller can say so instead of failing.
     */
    public static Optional<List<SubCheckRow>> ofReportJson(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReportJson.fromJson(json).subChecks().stream().map(SubCheckRow::of).toList());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
