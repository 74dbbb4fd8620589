package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.AttemptView;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.attempts.MediaRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One attempt of the session report. {@code subChecksReadable} is false when the stored JSON is not an engine report
 * (written by an older engine, say): the page then says so instead of failing as a whole.
 */
record AttemptReport(Attempt attempt, List<String> challenges, List<Image> images, List<SubCheckRow> subChecks,
                     boolean subChecksReadable, String startedAt, String completedAt) {

    /** One of the three images: {@code url} when its bytes are there; {@code purged} after retention. */
    record Image(MediaRole role, String url, boolean purged) {
        public boolean available() {
            return url != null;
        }
    }

    static AttemptReport of(AttemptView view) {
        Attempt a = view.attempt();
        List<Image> images = Arrays.stream(MediaRole.values()).map(role -> image(a, view.media(), role)).toList();
        List<String> challenges = a.challenges().isBlank() ? List.of() : List.of(a.challenges().split(","));
        Optional<List<SubCheckRow>> rows = SubCheckRow.ofReportJson(a.subChecksJson());
        return new AttemptReport(a, challenges, images, rows.orElse(List.of()), rows.isPresent(),
                ReportFormats.instant(a.startedAt()), ReportFormats.instant(a.completedAt()));
    }

    private static Image image(Attempt a, List<MediaMetadata> media, MediaRole role) {
        return media.stream().filter(m -> m.role() == role).findFirst()
                .map(m -> m.purged() ? new Image(role, null, true) : new Image(role, url(a, role), false))
                .orElse(new Image(role, null, false));
    }

    private static String url(Attempt a, MediaRole role) {
        return "/sessions/" + a.sessionId() + "/attempts/" + a.id() + "/images/" + role.name();
    }
}
