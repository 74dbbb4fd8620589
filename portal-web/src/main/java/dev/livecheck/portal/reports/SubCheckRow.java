package dev.livecheck.portal.reports;

import dev.livecheck.core.report.SubCheck;
import java.util.List;

/** One sub-check of an attempt as the report table shows it: outcome, reason and each measured value. */
record SubCheckRow(String name, String outcome, String reason, List<Detail> details) {

    record Detail(String key, String value) {
    }

    static SubCheckRow of(SubCheck check) {
        List<Detail> details = check.details().entrySet().stream()
                .map(e -> new Detail(e.getKey(), ReportFormats.detail(e.getValue())))
                .toList();
        return new SubCheckRow(check.name(), check.outcome().name(), check.reason(), details);
    }
}
