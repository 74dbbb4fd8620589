package dev.livecheck.portal.sessions.export;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines whose cells cannot turn into spreadsheet formulas. */
final class CsvCells {
    static final String LINE_END = "\r\n";

    private CsvCells() {
    }

    static String line(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + LINE_END;
    }

    /**
     * A recipient's name or tracking id is attacker-controlled: a spreadsheet would run "=HYPERLINK(...)" or
     * "@SUM(...)" typed there, so a cell starting with a formula trigger (also tab and CR, which some spreadsheets
     * skip before one) gets a leading apostrophe. Then the usual quoting: cells with a comma, quote or line break are
     * quoted and their quotes doubled.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
