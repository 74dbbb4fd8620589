package dev.livecheck.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Grace.Hopper@ACME.com", "first.last+tag@sub.example.co.uk",
            "o'brien@example.ie", "x@localhost", "user_name-1@xn--bcher-kva.example", "jörg@bücher.example",
            "a!#$%&'*+/=?^_`{|}~-@example.com"})
    void accepts(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "@example.com", "ada@", "ada@@example.com", "a@b@example.com",
            " ada@example.com", "ada@example.com ", "ada lovelace@example.com", "ada@exa mple.com", ".ada@example.com",
            "ada.@example.com", "ada..lovelace@example.com", "ada@example..com", "ada@.example.com",
            "ada@example.com.", "ada@-example.com", "ada@example-.com", "\"ada\"@example.com", "ada@[127.0.0.1]",
            "ada@exam_ple.com", "ada\n@example.com", "ada@example.com\r\nBcc: x@example.com"})
    void refuses(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @Test
    void refusesNullAndOverlongParts() {
        assertThat(EmailAddresses.isValid(null)).isFalse();
        String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(59) + ".com";
        assertThat(domain).hasSize(EmailAddresses.MAX_DOMAIN_LENGTH);
        assertThat(EmailAddresses.isValid("a".repeat(64) + "@" + domain)).isTrue();
        assertThat(EmailAddresses.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("a@" + domain + "m")).isFalse();
        assertThat(EmailAddresses.isValid("a@" + "l".repeat(64) + ".com")).isFalse();
    }

    @Test
    void normalizeStripsAndLowerCasesLogins() {
        assertThat(EmailAddresses.normalize("  Grace.Hopper@ACME.com ")).isEqualTo("grace.hopper@acme.com");
        assertThatThrownBy(() -> EmailAddresses.normalize("ada@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddresses.normalize(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
