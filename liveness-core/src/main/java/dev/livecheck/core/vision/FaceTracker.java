package dev.livecheck.core.vision;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one stream of frames (one attempt, one recording) carries from frame
 * to frame so that {@link FrameAnalyzer} need not detect on every frame: the
 * last confident Face Mesh landmarks, from which the next frame's face region
 * is taken (as MediaPipe's own pipeline does), and the faces the detector and
 * the small-face scan saw recently. Not thread-safe: one per stream, used by
 * one analyzer call at a time.
 *
 * <p>BlazeFace runs again when tracking is not confident (landmark presence
 * low), when the face moved fast between the last two frames or turned
 * since the detector last framed it, and at least
 * every {@link #DETECT_EVERY_MILLIS}, so a second person who steps in is
 * counted within a second. The tiled small-face scan runs on a time cadence
 * ({@link #TILE_SWEEP_EVERY_MILLIS}) spread over consecutive frames, so its
 * cost per second does not grow with the frame rate and no single frame pays
 * for all four tiles; what it found counts on every frame until the tile is
 * scanned again.
 */
public final class FaceTracker {

    /** Fixed detection cadence while tracking: a new face is counted within this long. */
    static final long DETECT_EVERY_MILLIS = 1000;
    /**
     * One sweep of the four small-face tiles starts this often. A tile costs a detector run (about 1.8 ms), so one
     * sweep a second was 7 ms of every stream's second: at the 6 fps floor, where admission control counts what a
     * stream costs, that was a sixth of it. Every two seconds still scans each tile at least twice in the shortest
     * attempt (4 s), what a tile found counts on every frame until it is scanned again, and faces big enough for the
     * whole-frame detector (its cadence is {@link #DETECT_EVERY_MILLIS}) do not wait for the tiles at all.
     */
    static final long TILE_SWEEP_EVERY_MILLIS = 2000;
    /** Tiles scanned per frame during a sweep: bounds what one frame pays for the scan. */
    static final int TILES_PER_FRAME = 1;
    /**
     * Face Mesh's face-presence score below which the tracked region is
     * taken to have lost the face (MediaPipe uses 0.5; real faces score above
     * 0.9 here, so 0.8 re-detects early rather than late).
     */
    static final float MIN_PRESENCE = 0.8f;
    /** Movement of the face centre between two frames, in eye distances, above which the region is re-detected. */
    static final double MAX_STEP = 0.35;
    /** Change of the face's scale between two frames above which the region is re-detected. */
    static final double MAX_SCALE_STEP = 0.12;
    /**
     * Head rotation (yaw or pitch, degrees) since the last detection above
     * which the region is re-detected: where the detector puts its box on a
     * face depends on the pose (at 30 degrees of yaw it sits about 15 % of the
     * region away from where a frontal calibration says), and the region is
     * what the texture, brightness and colour cues measure.
     */
    static final double MAX_POSE_CHANGE = 6;
    /**
     * The presentation cues that are costly and change slowly (the display measurements of {@link ScreenSample}
     * and the face's {@link TextureCues}, about 1.8 ms together) are taken at most this often, five times a
     * second: the checks combine them over the attempt with medians and means, so more samples add cost
     * per frame, not evidence.
     */
    public static final long PRESENTATION_SAMPLE_EVERY_MILLIS = 200;

    private FaceLandmarks last;
    private Geometry lastGeometry;
    private Geometry beforeLastGeometry;
    private Calibration calibration;
    private HeadPose calibratedPose;
    private HeadPose lastPose;
    private long lastDetectionMillis;
    private long lastMillis = Long.MIN_VALUE;
    private List<FaceDetection> otherFaces = List.of();
    @SuppressWarnings("unchecked")
    private final List<FaceDetection>[] tileFaces = new List[FaceDetector.TILE_COUNT];
    private long sweepStartMillis;
    private boolean sweepStarted;
    private int nextTile = FaceDetector.TILE_COUNT;
    private int detections;
    private int frames;
    private long lastPresentationMillis;
    private boolean presentationSampled;

    /** Starts every stream afresh; a timestamp that goes backwards (a new recording) does the same. */
    void startFrame(long millis) {
        if (millis < lastMillis) {
            reset();
        }
        lastMillis = millis;
        frames++;
    }

    private void reset() {
        last = null;
        lastGeometry = null;
        beforeLastGeometry = null;
        calibration = null;
        otherFaces = List.of();
        java.util.Arrays.fill(tileFaces, null);
        sweepStarted = false;
        nextTile = FaceDetector.TILE_COUNT;
        presentationSampled = false;
    }

    /**
     * Whether this frame, if it shows a face, takes the presentation cues ({@link #PRESENTATION_SAMPLE_EVERY_MILLIS}).
     * A frame that runs the detector leaves a due sample to the next frame, so one frame does not pay for both,
     * unless the sample is a whole period late.
     */
    boolean presentationSampleDue(long millis, boolean detectingThisFrame) {
        if (!presentationSampled) {
            return true;
        }
        long since = millis - lastPresentationMillis;
        return since >= PRESENTATION_SAMPLE_EVERY_MILLIS
                && (!detectingThisFrame || since >= 2 * PRESENTATION_SAMPLE_EVERY_MILLIS);
    }

    /** This frame took the presentation cues. */
    void presentationSampled(long millis) {
        presentationSampled = true;
        lastPresentationMillis = millis;
    }

    /**
     * The region to run Face Mesh on without detecting, or null when this
     * frame must run the detector (nothing tracked, the fixed cadence is due,
     * or the face moved too fast for the last landmarks to frame it).
     */
    @Nullable FaceCrop trackedCrop(long millis, int size) {
        if (last == null || calibration == null || millis - lastDetectionMillis >= DETECT_EVERY_MILLIS) {
            return null;
        }
        if (beforeLastGeometry != null && lastGeometry.movedFastFrom(beforeLastGeometry)) {
            return null;
        }
        if (Math.abs(lastPose.yaw() - calibratedPose.yaw()) > MAX_POSE_CHANGE
                || Math.abs(lastPose.pitch() - calibratedPose.pitch()) > MAX_POSE_CHANGE) {
            return null;
        }
        return calibration.crop(lastGeometry, size);
    }

    /** Face Mesh on the tracked region found the face: track from these landmarks next. */
    void tracked(FaceLandmarks landmarks, HeadPose pose) {
        follow(landmarks, pose);
    }

    /**
     * The detector ran on this frame: {@code others} the faces it found besides
     * {@code main} ({@link #besides}), {@code main} the one analysed (null if
     * none), {@code crop} its region and {@code landmarks} what Face Mesh found
     * there (null if no face).
     */
    void detected(long millis, List<FaceDetection> others, FaceDetection main, FaceCrop crop, FaceLandmarks landmarks,
            HeadPose pose) {
        detectorRan(millis, others);
        if (landmarks == null || landmarks.presence() < MIN_PRESENCE) {
            // nothing confident to follow: the next frame detects again
            last = null;
            lastGeometry = null;
            beforeLastGeometry = null;
            calibration = null;
            return;
        }
        calibration = Calibration.of(Geometry.of(landmarks), crop);
        calibratedPose = pose;
        follow(landmarks, pose);
    }

    /**
     * The region the last landmarks put the face in, for a frame whose detector found no face or none Face Mesh is
     * sure of; null when nothing is tracked. BlazeFace (short range) loses some faces turned 26 degrees or more that
     * Face Mesh still follows with full confidence from the previous frame, and the re-detection a turn asks for
     * ({@link #MAX_POSE_CHANGE}) must not throw such a face away: that broke holds at the peak of bona fide turns
     * (docs/performance.md, "The face the detector loses at the peak of a turn").
     */
    @Nullable FaceCrop lastCrop(int size) {
        return last == null || calibration == null ? null : calibration.crop(lastGeometry, size);
    }

    /**
     * The detector ran on this frame and found no face Face Mesh is sure of, but Face Mesh found the tracked face
     * on {@link #lastCrop}: follow it, keeping the calibration of the last detection that framed it, and count the
     * detector's run (it saw {@code others} besides that face).
     */
    void detectorMissed(long millis, List<FaceDetection> others, FaceLandmarks landmarks, HeadPose pose) {
        detectorRan(millis, others);
        follow(landmarks, pose);
    }

    /** The detector ran at {@code millis} and saw {@code others} besides the face this frame follows. */
    private void detectorRan(long millis, List<FaceDetection> others) {
        detections++;
        lastDetectionMillis = millis;
        otherFaces = List.copyOf(others);
    }

    /** Forgets the tracked face (Face Mesh lost it on the tracked region); the same frame then detects. */
    void lost() {
        last = null;
        lastGeometry = null;
        beforeLastGeometry = null;
    }

    private void follow(FaceLandmarks landmarks, HeadPose pose) {
        beforeLastGeometry = lastGeometry;
        last = landmarks;
        lastPose = pose;
        lastGeometry = Geometry.of(landmarks);
    }

    /**
     * The small-face tiles to scan on this frame: none between sweeps, the
     * next {@link #TILES_PER_FRAME} of a sweep that is under way. A frame that
     * already paid for a detection or a presentation sample while a face is
     * tracked leaves its tiles to the next frame, unless the sweep is running
     * late (it started a whole period ago), so the extra costs of a stream are
     * spread over its frames instead of stacking on one.
     */
    int[] tilesDue(long millis, boolean busyThisFrame) {
        if (nextTile >= FaceDetector.TILE_COUNT
                && (!sweepStarted || millis - sweepStartMillis >= TILE_SWEEP_EVERY_MILLIS)) {
            sweepStarted = true;
            sweepStartMillis = millis;
            nextTile = 0;
        }
        boolean late = millis - sweepStartMillis >= TILE_SWEEP_EVERY_MILLIS;
        if (nextTile >= FaceDetector.TILE_COUNT || (busyThisFrame && last != null && !late)) {
            return new int[0];
        }
        int count = Math.min(TILES_PER_FRAME, FaceDetector.TILE_COUNT - nextTile);
        int[] due = new int[count];
        for (int i = 0; i < count; i++) {
            due[i] = nextTile++;
        }
        return due;
    }

    /**
     * The detections in {@code found} that are not the frame's main face ({@code main}, null if none). A tile
     * remembers only those: remembering the main face as well made it count twice once the person turned away from
     * where the tile had seen them (with a sweep every two seconds, 8 of 400 bona fide recordings failed
     * {@code MULTIPLE_FACES} that way).
     */
    static List<FaceDetection> besides(List<FaceDetection> found, @Nullable FaceDetection main) {
        return main == null ? List.copyOf(found)
                : found.stream().filter(d -> FaceDetector.countDistinct(List.of(main), List.of(d)) > 1).toList();
    }

    /** What a tile found besides the main face ({@link #besides}), remembered until the tile is scanned again. */
    void tileScanned(int tile, List<FaceDetection> otherFaces) {
        tileFaces[tile] = List.copyOf(otherFaces);
    }

    /**
     * Distinct faces on this frame: the main face (detected or tracked), the
     * other faces of the last detection and whatever the tiles saw in their
     * latest scan, merged so one face seen twice counts once.
     */
    int faceCount(FaceDetection main) {
        List<FaceDetection> whole = new ArrayList<>(otherFaces);
        if (main != null) {
            whole.add(main);
        }
        List<FaceDetection> tiles = new ArrayList<>();
        for (List<FaceDetection> t : tileFaces) {
            if (t != null) {
                tiles.addAll(t);
            }
        }
        // merged even without tile faces: the main face may have moved onto what the last detection saw beside it
        return FaceDetector.countDistinct(whole, tiles);
    }

    /** Frames this tracker has seen. */
    public int frames() {
        return frames;
    }

    /** Frames on which the detector ran (the rest were tracked). */
    public int detections() {
        return detections;
    }

    /** Where a face is and how large and tilted, from its landmarks. */
    record Geometry(double x, double y, double scale, double angle) {

        static Geometry of(FaceLandmarks l) {
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                sx += l.x(i);
                sy += l.y(i);
            }
            int r = FaceLandmarks.RIGHT_EYE_OUTER;
            int le = FaceLandmarks.LEFT_EYE_OUTER;
            // the 3D eye distance barely changes when the head turns, unlike its projection
            double scale = Math.max(1e-3, Math.sqrt(sq(l.x(le) - l.x(r)) + sq(l.y(le) - l.y(r)) + sq(l.z(le) - l.z(r))));
            double angle = Math.atan2(l.y(le) - l.y(r), l.x(le) - l.x(r));
            return new Geometry(sx / FaceLandmarks.COUNT, sy / FaceLandmarks.COUNT, scale, angle);
        }

        boolean movedFastFrom(Geometry before) {
            double step = Math.hypot(x - before.x, y - before.y) / scale;
            return step > MAX_STEP || Math.abs(scale / before.scale - 1) > MAX_SCALE_STEP;
        }

        private static double sq(double v) {
            return v * v;
        }
    }

    /**
     * How the detector's region sat on the landmarks of the frame that was
     * detected: size in eye distances, centre offset in the face's own axes
     * and roll offset. Tracked regions keep that relation, so the crop Face
     * Mesh and the texture cues see is framed as on a detected frame.
     */
    record Calibration(double sideRatio, double offsetX, double offsetY, double angleOffset) {

        static Calibration of(Geometry g, FaceCrop crop) {
            double dx = crop.centerX() - g.x();
            double dy = crop.centerY() - g.y();
            double c = Math.cos(-g.angle());
            double s = Math.sin(-g.angle());
            return new Calibration(crop.side() / g.scale(), (c * dx - s * dy) / g.scale(),
                    (s * dx + c * dy) / g.scale(), crop.angle() - g.angle());
        }

        FaceCrop crop(Geometry g, int size) {
            double c = Math.cos(g.angle());
            double s = Math.sin(g.angle());
            double cx = g.x() + g.scale() * (c * offsetX - s * offsetY);
            double cy = g.y() + g.scale() * (s * offsetX + c * offsetY);
            return new FaceCrop(cx, cy, sideRatio * g.scale(), g.angle() + angleOffset, size);
        }
    }
}
