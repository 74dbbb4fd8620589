package dev.livecheck.portal.capture;

import java.util.UUID;

/**
 * What a socket is bound to, taken from the link at handshake time: the session, how many challenges each attempt
 * asks for, where the browser goes when the session ends (the API caller's redirects win over the profile's) and the
 * hash of the capture token the socket was opened under: after "Resend with a new link" the session has another
 * hash, and sockets of the old link can no longer start attempts.
 */
record CaptureBinding(UUID businessId, UUID sessionId, int challengeCount, String successRedirectUrl,
                      String errorRedirectUrl, String captureTokenHash) {

    static final String ATTRIBUTE = CaptureBinding.class.getName();

    static CaptureBinding of(CaptureLink link) {
        return new CaptureBinding(link.session().businessId(), link.session().id(), link.profile().challengeCount(),
                link.successRedirectUrl(), link.errorRedirectUrl(), link.session().captureTokenHash());
    }
}
