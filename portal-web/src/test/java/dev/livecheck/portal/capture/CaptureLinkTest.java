package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API caller's sdk_config overrides the profile's presentation value by value. */
class CaptureLinkTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private final CheckProfile profile = CheckProfile.create(Business.create("Shop", NOW).id(), "Default",
                    "https://shop.example/ok", "Subject", "Open {link}", NOW)
            .withPresentation("Default", "https://shop.example/ok", "https://shop.example/sorry", "#0a7d4f", "en");
    private final VerificationSession session = VerificationSession.openForApi(profile, UUID.randomUUID(), 2, null,
            CaptureTokens.hash("token-0123456789abcdef"), NOW.plusSeconds(3600), NOW);

    @Test
    void withoutAnApiRequestTheProfileDecides() {
        CaptureLink link = new CaptureLink(session, profile);

        assertThat(link.brandColour()).isEqualTo("#0a7d4f");
        assertThat(link.locale()).isEqualTo("en");
        assertThat(link.privacyPolicyUrl()).isNull();
        assertThat(CaptureBinding.of(link)).satisfies(binding -> {
            assertThat(binding.successRedirectUrl()).isEqualTo("https://shop.example/ok");
            assertThat(binding.errorRedirectUrl()).isEqualTo("https://shop.example/sorry");
        });
    }

    @Test
    void theCallersValuesWinOneByOne() {
        CaptureLink all = new CaptureLink(session, profile, request("#A1B2C3", "de-CH", "https://api.example/yes",
                "https://api.example/no", "https://api.example/privacy"));
        CaptureLink some = new CaptureLink(session, profile, request(null, null, null, "https://api.example/no",
                null));

        assertThat(all.brandColour()).isEqualTo("#a1b2c3");
        assertThat(all.locale()).isEqualTo("de-CH");
        assertThat(all.privacyPolicyUrl()).isEqualTo("https://api.example/privacy");
        assertThat(CaptureBinding.of(all).successRedirectUrl()).isEqualTo("https://api.example/yes");
        assertThat(CaptureBinding.of(all).errorRedirectUrl()).isEqualTo("https://api.example/no");
        assertThat(some.brandColour()).isEqualTo("#0a7d4f");
        assertThat(some.locale()).isEqualTo("en");
        assertThat(CaptureBinding.of(some).successRedirectUrl()).isEqualTo("https://shop.example/ok");
        assertThat(CaptureBinding.of(some).errorRedirectUrl()).isEqualTo("https://api.example/no");
    }

    @Test
    void valuesThatCouldBreakOutOfAStylesheetOrALinkAreNotUsed() {
        CaptureLink hostile = new CaptureLink(session, profile, request("red; } body { display:none", null, null,
                null, "javascript:alert(1)"));

        assertThat(hostile.brandColour()).isEqualTo("#0a7d4f");
        assertThat(hostile.privacyPolicyUrl()).isNull();
        assertThat(new CaptureLink(session, profile, request(null, null, null, null, "  ")).privacyPolicyUrl())
                .isNull();
    }

    private SessionApiRequest request(String colour, String locale, String success, String error, String privacy) {
        return new SessionApiRequest(session.id(), session.businessId(), 600, 3600, NOW.plusSeconds(3600), colour,
                locale, success, error, privacy, null, null, null, null);
    }
}
