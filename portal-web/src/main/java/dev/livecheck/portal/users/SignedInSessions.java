package dev.livecheck.portal.users;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's portal sessions. The signed-in principal (role, enabled flag) is kept in the HTTP session, which
 * Spring Session stores in the database for every node; without this a disabled or demoted user would keep their old
 * rights until the session times out (8 hours).
 */
@Component
class SignedInSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /**
     * @param loginEmail the principal name sessions are indexed by
     * @param keepSessionId a session to leave alone (the caller's own, after changing their own password), or null
     */
    void endAllOf(String loginEmail, String keepSessionId) {
        sessions.findByPrincipalName(loginEmail).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }
}
