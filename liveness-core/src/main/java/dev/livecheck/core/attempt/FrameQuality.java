package dev.livecheck.core.attempt;

import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameObservation;
import java.util.Optional;

/** Whether one frame's face is usable, and if not, what to tell the person. */
final class FrameQuality {

    private final AttemptSettings settings;

    FrameQuality(AttemptSettings settings) {
        this.settings = settings;
    }

    /** The first problem found, in the order a person should fix them; empty if usable. */
    Optional<GuidanceCode> problem(FrameObservation frame) {
        if (frame.faceCount() > 1) {
            return Optional.of(GuidanceCode.MULTIPLE_FACES);
        }
        if (frame.face() == null) {
            if (frame.faceCount() == 1) {
                return Optional.of(GuidanceCode.MOVE_CLOSER); // only the small-face scan saw it
            }
            return Optional.of(frame.frameBrightness() < settings.minBrightness()
                    ? GuidanceCode.TOO_DARK : GuidanceCode.NO_FACE);
        }
        FaceObservation face = frame.face();
        double widthFraction = face.landmarks().faceWidth() / frame.width();
        if (widthFraction < settings.minFaceFraction()) {
            return Optional.of(GuidanceCode.MOVE_CLOSER);
        }
        if (widthFraction > settings.maxFaceFraction()) {
            return Optional.of(GuidanceCode.MOVE_BACK);
        }
        if (!centred(frame)) {
            return Optional.of(GuidanceCode.CENTER_FACE);
        }
        if (face.brightness() < settings.minBrightness()) {
            return Optional.of(GuidanceCode.TOO_DARK);
        }
        if (face.brightness() > settings.maxBrightness()) {
            return Optional.of(GuidanceCode.TOO_BRIGHT);
        }
        return Optional.empty();
    }

    /** The nose inside the middle 70 % of the frame: the oval the page draws is there. */
    private static boolean centred(FrameObservation frame) {
        var l = frame.face().landmarks();
        double x = l.x(1) / frame.width();
        double y = l.y(1) / frame.height();
        return x > 0.15 && x < 0.85 && y > 0.15 && y < 0.85;
    }
}
