package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the business's final decision on a session: once, immutable, audited. */
@Service
public class FinalDecisions {
    private final VerificationSessions sessions;
    private final AuditLog audit;

    public FinalDecisions(VerificationSessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * @throws SessionNotFoundException if the session is not in this business
     * @throws FinalDecisionAlreadyRecordedException if a decision exists (checked by the domain and by the
     *         conditional update, so two nodes cannot both record one)
     */
    @Transactional
    public VerificationSession record(UUID businessId, UUID sessionId, FinalDecision decision, UUID decidedBy,
                                      @Nullable String note, Instant at) {
        VerificationSession current = sessions.findByBusinessIdAndId(businessId, sessionId)
                .orElseThrow(() -> new SessionNotFoundException(businessId, sessionId));
        VerificationSession decided = current.withFinalDecision(decision, decidedBy, at, note);
        if (sessions.recordFinalDecision(businessId, sessionId, decision, decidedBy, at, note) != 1) {
            throw new FinalDecisionAlreadyRecordedException(sessionId);
        }
        audit.insert(AuditEvent.byUser(businessId, decidedBy, AuditAction.FINAL_DECISION_RECORDED, AuditTarget.SESSION,
                sessionId.toString(), decision.name(), at));
        return decided.withVersion(current.version() + 1);
    }
}
