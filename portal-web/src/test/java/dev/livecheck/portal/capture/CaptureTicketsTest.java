package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Tickets as bytes: what a ticket claims, and which changes make it worthless. */
class CaptureTicketsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private final CaptureTickets tickets = new CaptureTickets(key(1));
    private final VerificationSession session = session(CaptureTokens.hash("token-one-0123456789"));

    @Test
    void aTicketClaimsItsSessionUntilItsLifetimeEnds() {
        String ticket = tickets.mint(session, NOW);

        CaptureTickets.Claims claims = tickets.read(ticket, NOW).orElseThrow();
        assertThat(ticket).matches("[A-Za-z0-9_-]{98}");
        assertThat(claims.businessId()).isEqualTo(session.businessId());
        assertThat(claims.sessionId()).isEqualTo(session.id());
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(CaptureTickets.LIFETIME));
        assertThat(tickets.matches(claims, session)).isTrue();
        assertThat(tickets.read(ticket, NOW.plus(CaptureTickets.LIFETIME).minusSeconds(1))).isPresent();
        assertThat(tickets.read(ticket, NOW.plus(CaptureTickets.LIFETIME))).isEmpty();
    }

    @Test
    void aNewCaptureTokenOrAnotherKeyMakesItWorthless() {
        CaptureTickets.Claims claims = tickets.read(tickets.mint(session, NOW), NOW).orElseThrow();
        VerificationSession resent = new VerificationSession(session.id(), session.businessId(), session.profileId(),
                session.recipientName(), session.recipientEmail(), null, CaptureTokens.hash("token-two-0123456789"),
                session.state(), null, null, 0, 2, session.expiresAt(), session.createdAt(), null, null, null, null,
                null, null, session.apiApplicationId(), null, 0L);

        assertThat(tickets.matches(claims, resent)).isFalse();
        assertThat(new CaptureTickets(key(2)).matches(claims, session)).isFalse();
    }

    @Test
    void everyFlippedBitIsNoticed() {
        byte[] bytes = Base64.getUrlDecoder().decode(tickets.mint(session, NOW));
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] forged = bytes.clone();
                forged[i] ^= (byte) (1 << bit);
                String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
                boolean accepted = tickets.read(ticket, NOW).filter(c -> tickets.matches(c, session)).isPresent();
                assertThat(accepted).as("byte %d bit %d", i, bit).isFalse();
            }
        }
    }

    @Test
    void anythingElseIsNoTicket() {
        String ticket = tickets.mint(session, NOW);
        for (String garbage : new String[] {null, "", "ticket", ticket.substring(2), ticket + "AA",
                ticket.replace(ticket.charAt(5), '/'), "=".repeat(98), "A".repeat(100_000)}) {
            assertThat(tickets.read(garbage, NOW)).as(String.valueOf(garbage).length() + " characters").isEmpty();
        }
        assertThat(tickets.read(tickets.mint(session, NOW.plus(CaptureTickets.CLOCK_SKEW).plusSeconds(1)), NOW))
                .as("expires further away than a lifetime").isEmpty();
        assertThat(tickets.read(tickets.mint(session, NOW.plus(CaptureTickets.CLOCK_SKEW)), NOW))
                .as("minted by a node whose clock is a minute ahead").isPresent();
        byte[] otherVersion = Base64.getUrlDecoder().decode(ticket);
        otherVersion[0] = 2;
        assertThat(tickets.read(Base64.getUrlEncoder().withoutPadding().encodeToString(otherVersion), NOW)).isEmpty();
    }

    private static SecretKeySpec key(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static VerificationSession session(String tokenHash) {
        Business business = Business.create("Shop", NOW);
        CheckProfile profile = CheckProfile.create(business.id(), "Default", "https://shop.example/ok", "Subject",
                "Open {link}", NOW);
        return VerificationSession.openForApi(profile, UUID.randomUUID(), 2, null, tokenHash,
                NOW.plusSeconds(7200), NOW);
    }
}
