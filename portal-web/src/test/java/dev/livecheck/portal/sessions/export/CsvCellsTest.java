package dev.livecheck.portal.sessions.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(CsvCells.cell("Ada Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(CsvCells.cell("")).isEmpty();
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("a-b=c")).isEqualTo("a-b=c");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCells.cell("Lovelace, Ada")).isEqualTo("\"Lovelace, Ada\"");
        assertThat(CsvCells.cell("Ada \"Countess\" L")).isEqualTo("\"Ada \"\"Countess\"\" L\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void formulaTriggersAreDefusedWithALeadingApostrophe() {
        assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.cell("+49 30 123")).isEqualTo("'+49 30 123");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCells.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(CsvCells.cell("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    }

    @Test
    void aLineJoinsCellsAndEndsWithCrLf() {
        assertThat(CsvCells.line(Arrays.asList("a", null, "b,c"))).isEqualTo("a,,\"b,c\"\r\n");
    }
}
