package dev.livecheck.portal.sessions.report;

import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.sessions.SubCheckRow;
import java.util.Base64;
import java.util.List;

/**
 * Everything a session report prints, read once from the business's rows. {@code dataSha256} is the SHA-256 of the
 * report's data (see {@link DocumentHash}): the same for the PDF with and without images, and different as soon as
 * anything it shows changes; the generation time is not part of it.
 */
record SessionDocument(String businessName, VerificationSession session, String requester, boolean createdByApi,
                       Settings settings, List<AttemptPart> attempts, String decidedBy, List<AuditLine> auditTrail,
                       boolean imagesIncluded, String dataSha256) {

    /** The limits the session ran with: its own copies (max attempts) and its profile's or API request's TTLs. */
    record Settings(String profileName, int maxAttempts, int maxAbandonedAttempts, int challengeCount,
                    long linkLifetimeSeconds, long imageRetentionSeconds) {
    }

    /** One attempt with its parsed sub-checks ({@code subChecksReadable} false for a report this portal cannot read). */
    record AttemptPart(Attempt attempt, List<String> challenges, List<SubCheckRow> subChecks,
                       boolean subChecksReadable, List<ImagePart> images) {
    }

    /** An image's metadata, and its bytes when the document includes images and they were not purged. */
    record ImagePart(MediaRole role, String contentType, String sha256, boolean purged, byte[] bytes) {
        public boolean embedded() {
            return bytes != null;
        }

        /** A data URI: the PDF embeds the stored bytes as they are (JPEG stays JPEG, at its resolution). */
        public String dataUri() {
            return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** An audit event of the session, with its actor named. */
    record AuditLine(AuditEvent event, String actorName) {
    }

    public int embeddedImageCount() {
        return (int) attempts.stream().flatMap(a -> a.images().stream()).filter(ImagePart::embedded).count();
    }
}
