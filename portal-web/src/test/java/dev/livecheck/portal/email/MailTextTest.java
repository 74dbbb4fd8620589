package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeSpaces() {
        assertThat(MailText.value("Rita\r\nBcc: evil@example.test")).isEqualTo("Rita  Bcc: evil@example.test");
        assertThat(MailText.value("a\u0000b\tc\u2028d\u0085e")).isEqualTo("a b c d e");
        assertThat(MailText.oneLine("Subject\rX-Injected: 1")).doesNotContain("\r", "\n");
    }

    @Test
    void placeholderSyntaxIsRemovedEvenWhenNested() {
        assertThat(MailText.value("{link}Rita{name}")).isEqualTo("Rita");
        assertThat(MailText.value("{li{link}nk}")).isEmpty();
        assertThat(MailText.value("[[sealed-link:AAAA]]")).isEqualTo("sealed-link:AAAA");
        assertThat(MailText.value("[[[[x]]]]")).isEqualTo("x");
        assertThat(MailText.value("{{name}link}")).isEmpty();
    }

    @Test
    void ordinaryNamesAreKept() {
        assertThat(MailText.value("  Zoë O'Brien-Müller [ops] {team}  ")).isEqualTo("Zoë O'Brien-Müller [ops] {team}");
        assertThat(MailText.value(null)).isEmpty();
    }
}
