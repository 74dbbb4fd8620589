package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.sessions.CaptureTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The socket handshake with a ticket instead of the cookie, and the biometric consent a socket records. Only a
 * genuine, unexpired ticket for an open session with its current token opens a socket; everything else is 403
 * before any WebSocket exists.
 */
class CaptureTicketHandshakeTest extends CaptureSocketTestSupport {

    @Autowired
    CaptureTickets tickets;

    @Test
    void aTicketFromTheEmailedPageOpensASocketWithoutTheCookie() throws Exception {
        Link link = newLink(2, Instant.now());
        String ticket = ticketIn(get("/c/" + link.token()));

        TestSocket socket = TestSocket.connect(port, null, ticket, origin());
        assertThat(socket.next("ready", SOON).get("attemptsLeft").asInt()).isEqualTo(2);
        socket.sendText(START);
        socket.sendText(START);
        assertThat(socket.nextError("ATTEMPT_RUNNING", SOON)).as("the first start began an attempt").isNotNull();
        socket.close();
    }

    @Test
    void forgedTamperedOrMalformedTicketsAreRefused() throws Exception {
        Link link = newApiLink(List.of(), SdkConfig.NONE);
        String ticket = ticketIn(get(webEntry(link.sessionId(), link.token())));
        byte[] bytes = Base64.getUrlDecoder().decode(ticket);

        assertThat(handshakeStatusWithTicket(ticket, origin())).isEqualTo(101);
        for (int position : new int[] {0, 1, 20, 40, 72}) {
            byte[] forged = bytes.clone();
            forged[position] ^= 0x01;
            assertThat(handshakeStatusWithTicket(encode(forged), origin())).as("byte " + position + " flipped")
                    .isEqualTo(403);
        }
        for (String garbage : List.of("", "x", ticket.substring(1), ticket + "A", "A".repeat(4000),
                ticket.replace('A', '+'))) {
            assertThat(handshakeStatusWithTicket(garbage, origin())).as(garbage).isEqualTo(403);
        }
        assertThat(handshakeStatusWithTicket(ticket, "https://evil.example")).as("origin check").isEqualTo(403);
    }

    @Test
    void aTicketNamesOneSessionOnly() throws Exception {
        Link mine = newApiLink(List.of(), SdkConfig.NONE);
        Link other = newApiLink(List.of(), SdkConfig.NONE);
        byte[] ticket = Base64.getUrlDecoder().decode(ticketIn(get(webEntry(mine.sessionId(), mine.token()))));
        byte[] otherTicket = Base64.getUrlDecoder().decode(ticketIn(get(webEntry(other.sessionId(), other.token()))));

        byte[] swapped = ticket.clone();
        System.arraycopy(otherTicket, 1, swapped, 1, 32); // the other session's business and session ids, my MAC
        assertThat(handshakeStatusWithTicket(encode(swapped), origin())).isEqualTo(403);
        byte[] spliced = otherTicket.clone();
        System.arraycopy(ticket, 41, spliced, 41, 32); // the other session's claims, my MAC
        assertThat(handshakeStatusWithTicket(encode(spliced), origin())).isEqualTo(403);
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        Link link = newApiLink(List.of(), SdkConfig.NONE);
        Instant minted = Instant.now().minus(CaptureTickets.LIFETIME).minusSeconds(5);

        String expired = tickets.mint(session(link), minted);
        String almost = tickets.mint(session(link), minted.plusSeconds(60));

        assertThat(handshakeStatusWithTicket(expired, origin())).isEqualTo(403);
        assertThat(handshakeStatusWithTicket(almost, origin())).isEqualTo(101);
    }

    @Test
    void aTicketMintedBeforeTheTokenChangedIsRefused() throws Exception {
        Link link = newApiLink(List.of(), SdkConfig.NONE);
        String ticket = ticketIn(get(webEntry(link.sessionId(), link.token())));
        String newToken = CaptureTokens.newToken();

        sessions.replaceCaptureToken(link.businessId(), link.sessionId(), CaptureTokens.hash(newToken),
                Instant.now().plus(Duration.ofHours(1)));

        assertThat(handshakeStatusWithTicket(ticket, origin())).isEqualTo(403);
        String fresh = ticketIn(get(webEntry(link.sessionId(), newToken)));
        assertThat(handshakeStatusWithTicket(fresh, origin())).isEqualTo(101);
    }

    @Test
    void aTicketForAClosedSessionIsRefused() throws Exception {
        Link link = newApiLink(List.of(), SdkConfig.NONE);
        String ticket = ticketIn(get(webEntry(link.sessionId(), link.token())));

        sessions.cancel(link.businessId(), link.sessionId(), Instant.now());

        assertThat(handshakeStatusWithTicket(ticket, origin())).isEqualTo(403);
    }

    @Test
    void aTicketDecidesAloneEvenWithAValidCookie() throws Exception {
        Link link = newLink(2, Instant.now());
        get("/c/" + link.token());

        assertThat(status(link.token(), "not-a-ticket")).isEqualTo(403);
        assertThat(status(link.token(), null)).isEqualTo(101);
    }

    @Test
    void theFirstSocketRecordsTheConsentAndLaterSocketsKeepIt() throws Exception {
        Link link = newLink(2, Instant.now());
        get("/c/" + link.token());
        assertThat(session(link).biometricConsentAt()).isNull();

        Instant before = Instant.now();
        openReady(link).close();
        Instant first = session(link).biometricConsentAt();
        assertThat(first).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        openReady(link).close();

        assertThat(session(link).biometricConsentAt()).isEqualTo(first);
    }

    @Test
    void openingThePageOrARefusedHandshakeIsNoConsent() throws Exception {
        Link link = newApiLink(List.of(), SdkConfig.NONE);
        String ticket = ticketIn(get(webEntry(link.sessionId(), link.token())));

        assertThat(handshakeStatusWithTicket(ticket, "https://evil.example")).isEqualTo(403);

        assertThat(session(link).biometricConsentAt()).isNull();
        assertThat(session(link).linkOpenedAt()).as("neither the page nor a refused handshake opens the link").isNull();
    }

    private int status(String cookie, String ticket) {
        try {
            TestSocket.connect(port, cookie, ticket, origin()).close();
            return 101;
        } catch (TestSocket.HandshakeRefused e) {
            return e.status;
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
