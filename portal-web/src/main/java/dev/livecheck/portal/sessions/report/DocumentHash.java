package dev.livecheck.portal.sessions.report;

import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SHA-256 printed in a report's footer and written to the evidence manifest: of a canonical JSON (fixed key order,
 * UTF-8) of what the report shows. Images count by their stored SHA-256, so the PDF without images carries the same
 * hash as the one with them; the generation time is left out, so two downloads of an unchanged session agree.
 */
final class DocumentHash {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentHash() {
    }

    static String of(String businessName, VerificationSession s, String requester, SessionDocument.Settings settings,
                     List<SessionDocument.AttemptPart> attempts, List<SessionDocument.AuditLine> trail) {
        ObjectNode root = JSON.createObjectNode();
        root.put("business", businessName);
        root.put("session_id", s.id().toString());
        root.put("requester", requester);
        root.put("tracking_id", s.trackingId());
        root.put("state", s.state().name());
        root.put("close_reason", Objects.toString(s.closeReason(), null));
        root.put("attempts_used", s.attemptsUsed());
        root.put("abandoned_attempts", s.abandonedAttempts());
        root.put("created_at", Objects.toString(s.createdAt(), null));
        root.put("expires_at", Objects.toString(s.expiresAt(), null));
        root.put("completed_at", Objects.toString(s.completedAt(), null));
        root.put("profile", settings.profileName());
        root.put("max_attempts", settings.maxAttempts());
        root.put("max_abandoned_attempts", settings.maxAbandonedAttempts());
        root.put("challenge_count", settings.challengeCount());
        root.put("link_lifetime_seconds", settings.linkLifetimeSeconds());
        root.put("image_retention_seconds", settings.imageRetentionSeconds());
        ArrayNode attemptNodes = root.putArray("attempts");
        for (SessionDocument.AttemptPart part : attempts) {
            Attempt a = part.attempt();
            ObjectNode node = attemptNodes.addObject()
                    .put("id", a.id().toString())
                    .put("number", a.attemptNumber())
                    .put("recommendation", a.recommendation().name())
                    .put("liveness_auth", a.livenessAuth().name())
                    .put("reason", a.reason())
                    .put("challenges", a.challenges())
                    .put("report", a.subChecksJson())
                    .put("frames", a.frames())
                    .put("analyzed_frames", a.analyzedFrames())
                    .put("duration_ms", a.durationMs())
                    .put("decision_ms", a.decisionMs())
                    .put("started_at", Objects.toString(a.startedAt(), null))
                    .put("completed_at", Objects.toString(a.completedAt(), null));
            ArrayNode images = node.putArray("images");
            part.images().forEach(i -> images.addObject().put("role", i.role().name()).put("sha256", i.sha256())
                    .put("purged", i.purged()));
        }
        root.put("final_decision", Objects.toString(s.finalDecision(), null));
        root.put("decided_by", Objects.toString(s.decidedBy(), null));
        root.put("decided_at", Objects.toString(s.decidedAt(), null));
        root.put("decision_note", s.decisionNote());
        ArrayNode events = root.putArray("audit");
        for (SessionDocument.AuditLine line : trail) {
            AuditEvent e = line.event();
            events.addObject().put("id", e.id().toString()).put("actor", e.actor()).put("action", e.action())
                    .put("details", e.details()).put("occurred_at", e.occurredAt().toString());
        }
        return Sha256.hex(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
    }
}
