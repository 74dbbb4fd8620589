package dev.livecheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.attempt.Challenge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    private static LivenessReport report() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parallax", 0.125);
        details.put("frames_used", 42);
        details.put("flat", false);
        details.put("yaw_peaks", List.of(-31.5, 28.25));
        return new LivenessReport(Recommendation.REJECT, "FLAT_SURFACE",
                List.of(Challenge.TURN_LEFT, Challenge.LOOK_DOWN),
                List.of(SubCheck.pass("challenge_response", Map.of("completed", 2)),
                        SubCheck.fail("structure_3d", "FLAT_SURFACE", details)),
                List.of(new AttemptImage(AttemptImage.Role.FRONTAL_START, 0, JPEG),
                        new AttemptImage(AttemptImage.Role.CHALLENGE, 1830, JPEG),
                        new AttemptImage(AttemptImage.Role.FRONTAL_END, 4120, JPEG)),
                70, 68, 4620, 12);
    }

    @Test
    void roundTripKeepsEverythingIncludingImages() {
        LivenessReport original = report();

        LivenessReport read = ReportJson.fromJson(ReportJson.toJson(original, true));

        assertThat(read).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void usesSnakeCaseKeys() {
        String json = ReportJson.toJson(report(), true);

        assertThat(json).contains("\"liveness_auth\":\"FAIL\"", "\"sub_checks\":[", "\"analyzed_frames\":68",
                "\"duration_millis\":4620", "\"decision_millis\":12", "\"timestamp_millis\":1830",
                "\"reason\":\"FLAT_SURFACE\"", "\"jpeg\":\"/9gBAgP/2Q==\"");
    }

    @Test
    void withoutImagesKeepsRolesAndTimesButNoBytes() {
        String json = ReportJson.toJson(report(), false);

        assertThat(json).doesNotContain("\"jpeg\"");
        LivenessReport read = ReportJson.fromJson(json);
        assertThat(read.images()).extracting(AttemptImage::role, AttemptImage::timestampMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AttemptImage.Role.FRONTAL_START, 0L),
                        org.assertj.core.groups.Tuple.tuple(AttemptImage.Role.CHALLENGE, 1830L),
                        org.assertj.core.groups.Tuple.tuple(AttemptImage.Role.FRONTAL_END, 4120L));
        assertThat(read.images()).allSatisfy(i -> assertThat(i.jpeg()).isEmpty());
    }

    @Test
    void approveHasNullReasonAndPassingAuth() {
        LivenessReport approve = new LivenessReport(Recommendation.APPROVE, null, List.of(Challenge.TURN_RIGHT),
                List.of(), List.of(), 10, 10, 900, 3);

        String json = ReportJson.toJson(approve, false);

        assertThat(json).contains("\"liveness_auth\":\"PASS\"", "\"reason\":null");
        assertThat(ReportJson.fromJson(json)).usingRecursiveComparison().isEqualTo(approve);
    }

    @Test
    void malformedInputNamesTheKey() {
        assertThatThrownBy(() -> ReportJson.fromJson("{\"recommendation\":\"MAYBE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'recommendation'");
        assertThatThrownBy(() -> ReportJson.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        String noFrames = ReportJson.toJson(report(), false).replace("\"frames\":70,", "");
        assertThatThrownBy(() -> ReportJson.fromJson(noFrames))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'frames'");
    }
}
