package dev.livecheck.core.report;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every reason code the engine (and its CLI) can give, in one place: the checks return these constants, the portal
 * shows each in plain words ({@code reason.<CODE>} in its message bundles, which a test holds to {@link #ALL}), and
 * exports and the API carry the codes themselves. A new code is added here or it does not exist.
 */
public final class Reasons {

    // quality: the attempt could not be seen properly (NOT_AVAILABLE)
    public static final String BAD_FRAMES = "BAD_FRAMES";
    public static final String MULTIPLE_FACES = "MULTIPLE_FACES";
    public static final String NO_FACE = "NO_FACE";
    public static final String TOO_DARK = "TOO_DARK";
    public static final String TOO_BRIGHT = "TOO_BRIGHT";
    public static final String TOO_BLURRY = "TOO_BLURRY";
    public static final String NO_USABLE_FACE = "NO_USABLE_FACE";
    /** A sub-check that had nothing to judge because the face never locked. */
    public static final String NOT_STARTED = "NOT_STARTED";

    // challenge-response
    public static final String NO_CHALLENGES = "NO_CHALLENGES";
    public static final String WRONG_ACTION = "WRONG_ACTION";
    /** A challenge was not seen done and held within its time. */
    public static final String CHALLENGE_TIMEOUT = "CHALLENGE_TIMEOUT";
    public static final String CHALLENGE_INCOMPLETE = "CHALLENGE_INCOMPLETE";
    /**
     * Every challenge passed, but the face never came back to the camera afterwards: the attempt ends on a turned or
     * nodded face, the pose at which face recognition is weakest, so whoever finished it was never compared with
     * the reference under the strict frontal limit. A person asked to look back at the camera does.
     */
    public static final String NO_FINAL_FRONTAL = "NO_FINAL_FRONTAL";

    // structure
    public static final String NO_ROTATION = "NO_ROTATION";
    public static final String FLAT_SURFACE = "FLAT_SURFACE";

    // continuity
    /** Two analysed frames further apart than the engine allows. */
    public static final String FRAME_GAP = "FRAME_GAP";
    public static final String IMPLAUSIBLE_TIMING = "IMPLAUSIBLE_TIMING";
    /** The face moved further between two analysed frames than a head can. */
    public static final String FRAME_JUMP = "FRAME_JUMP";
    public static final String IDENTITY_CHANGE = "IDENTITY_CHANGE";
    /** Two consecutive analysed frames show faces too unlike to be one face moving. */
    public static final String FACE_CUT = "FACE_CUT";

    // presentation
    public static final String SCREEN_MOIRE = "SCREEN_MOIRE";
    public static final String SCREEN_REPLAY = "SCREEN_REPLAY";
    public static final String SCREEN_FRAME = "SCREEN_FRAME";
    public static final String GLARE = "GLARE";
    public static final String NO_SKIN_COLOUR = "NO_SKIN_COLOUR";

    // the CLI's, for a recording it could not judge
    public static final String BAD_RECORDING = "BAD_RECORDING";
    public static final String ENGINE_ERROR = "ENGINE_ERROR";

    /** Every code above, in declaration order. */
    public static final List<String> ALL = codes();

    private Reasons() {
    }

    private static List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (Field f : Reasons.class.getDeclaredFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    codes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(codes);
    }
}
