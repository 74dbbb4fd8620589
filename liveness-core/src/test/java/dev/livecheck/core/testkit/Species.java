package dev.livecheck.core.testkit;

/**
 * What a synthetic recording shows: a bona fide performer or one of the
 * presentation-attack species (ISO/IEC 30107-3 sense) the engine must reject.
 */
public enum Species {
    /** A live 3D head performing the listed challenges. */
    BONA_FIDE,
    /** A flat print of a face held in front of the camera, roughly frontal, not performing. */
    PRINT_STATIC,
    /** The same print tilted, rotated and moved to mimic each challenge: all a flat surface can do. */
    PRINT_MOVED,
    /** A bona fide performance of the listed challenges shown on a screen and re-captured. */
    SCREEN_REPLAY,
    /** A bona fide performance of a different challenge order than the one listed. */
    REPLAY_MISMATCHED,
    /** Bona fide motion, but the identity switches to another face mid-attempt. */
    SPLICE,
    /** No face at all: background, maybe a hand or the back of a head. */
    NO_FACE,
    /** A bona fide performer plus a second, clearly visible face. */
    TWO_FACES;

    /** Folder-name prefix, e.g. {@code bona_fide}. */
    public String folderPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
