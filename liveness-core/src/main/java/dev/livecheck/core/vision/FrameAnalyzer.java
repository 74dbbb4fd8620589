package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.getAffineTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.jspecify.annotations.Nullable;

/**
 * Turns one JPEG frame into a {@link FrameObservation}: decode, detect, pick
 * the largest face, landmarks, head pose and image cues. Owns native networks
 * and buffers, so it is not thread-safe: give every worker thread its own and
 * close it when done.
 */
public final class FrameAnalyzer implements AutoCloseable {

    /** Side of the landmark-aligned face patch used as an appearance signature. */
    static final int SIGNATURE = 32;
    /** Side of the aligned face patch whose local binary patterns describe its texture. */
    static final int LBP_SIZE = 64;
    /** Face Mesh's presence score from which a face besides the main one counts (MediaPipe's own face threshold). */
    static final float OTHER_FACE_MIN_PRESENCE = 0.5f;
    /** Frames are analysed at most this large (the capture protocol's 640x480). */
    static final int ANALYSIS_LONG_SIDE = FrameDecoder.MAX_LONG_SIDE;

    private final FrameDecoder decoder;
    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final HeadPoseEstimator poseEstimator;
    private final FaceEmbedder embedder;

    public FrameAnalyzer(FaceVisionModels models) {
        this(models, new FrameDecoder());
    }

    public FrameAnalyzer(FaceVisionModels models, FrameDecoder decoder) {
        this.decoder = decoder;
        this.detector = new FaceDetector(models);
        this.landmarker = new FaceLandmarker(models);
        this.poseEstimator = new HeadPoseEstimator(models.canonicalMesh());
        this.embedder = new FaceEmbedder(models);
    }

    /** Decodes and analyses a frame; refuses bad bytes with a reason. */
    public FrameObservation analyze(byte[] jpeg, long timestampMillis) throws FrameRejectedException {
        return analyze(jpeg, timestampMillis, false);
    }

    /**
     * Decodes and analyses a frame; with {@code scanSmallFaces} it also looks
     * for faces too small for the whole-frame detector (a second person in
     * the background), at about 1 ms extra: callers do it every few frames.
     */
    public FrameObservation analyze(byte[] jpeg, long timestampMillis, boolean scanSmallFaces)
            throws FrameRejectedException {
        try (Mat bgr = decodeForAnalysis(jpeg)) {
            return analyze(bgr, timestampMillis, scanSmallFaces);
        }
    }

    /**
     * The face-recognition embedding ({@link FaceEmbedder}) of a frame this
     * analyzer already analysed, for the face its landmarks describe; null if
     * the frame cannot be decoded or nothing can be embedded. About 6 ms: the
     * engine calls it for a handful of kept frames per attempt, not per frame.
     */
    public float @Nullable [] embedFace(byte[] jpeg, FaceLandmarks landmarks) {
        try (Mat bgr = decodeForAnalysis(jpeg)) {
            return embedder.embed(bgr, landmarks);
        } catch (FrameRejectedException e) {
            return null;
        }
    }

    /** Runs the embedding network once on a grey crop, so a decision does not pay for its first-call set-up. */
    public void warmUpEmbedder() {
        try (Mat grey = new Mat(FaceEmbedder.INPUT, FaceEmbedder.INPUT, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                new Scalar(128, 128, 128, 0))) {
            embedder.embedAligned(grey);
        }
    }

    /** Decodes a frame at the size it is analysed at (landmarks are in these pixels). */
    private Mat decodeForAnalysis(byte[] jpeg) throws FrameRejectedException {
        Mat bgr = decoder.decode(jpeg);
        if (Math.max(bgr.cols(), bgr.rows()) <= ANALYSIS_LONG_SIDE) {
            return bgr;
        }
        // Larger frames (accepted from recordings) are analysed at capture-protocol size,
        // so thresholds in pixels mean the same thing for every source.
        try (bgr) {
            double scale = (double) ANALYSIS_LONG_SIDE / Math.max(bgr.cols(), bgr.rows());
            Mat small = new Mat();
            resize(bgr, small, new Size((int) Math.round(bgr.cols() * scale), (int) Math.round(bgr.rows() * scale)),
                    0, 0, INTER_AREA);
            return small;
        }
    }

    /** Analyses an already decoded BGR image. */
    public FrameObservation analyze(Mat bgr, long timestampMillis) {
        return analyze(bgr, timestampMillis, false);
    }

    /** Analyses an already decoded BGR image, optionally scanning for small extra faces. */
    public FrameObservation analyze(Mat bgr, long timestampMillis, boolean scanSmallFaces) {
        List<FaceDetection> faces = detector.detect(bgr);
        int faceCount = faces.size();
        if (scanSmallFaces) {
            faceCount = FaceDetector.countDistinct(faces, detector.detectInTiles(bgr));
        }
        try (Mat thumbnail = ScreenSample.thumbnail(bgr)) {
            double frameBrightness = mean(thumbnail).get(0);
            if (faces.isEmpty()) {
                // a face only the tiles saw is too small to analyse, but it still counts
                return new FrameObservation(timestampMillis, bgr.cols(), bgr.rows(), faceCount, frameBrightness, null);
            }
            FaceDetection main = largest(faces);
            FaceObservation face = observeFace(bgr, FaceCrop.fromDetection(main, FaceLandmarker.INPUT), main, 0, true);
            return new FrameObservation(timestampMillis, bgr.cols(), bgr.rows(), faceCount, frameBrightness, face,
                    screenSample(bgr, thumbnail, face, true));
        }
    }

    /**
     * Decodes and analyses the next frame of a stream (an attempt, a
     * recording), tracking its face with {@code tracker} ({@link FaceTracker}):
     * most frames take their face region from the previous frame's landmarks
     * instead of running the detector, and the small-face scan runs on the
     * tracker's time cadence.
     */
    public FrameObservation analyze(byte[] jpeg, long timestampMillis, FaceTracker tracker)
            throws FrameRejectedException {
        try (Mat bgr = decodeForAnalysis(jpeg)) {
            return analyze(bgr, timestampMillis, tracker);
        }
    }

    /**
     * Analyses an already decoded BGR image as the next frame of a tracked stream; the costly presentation cues
     * are taken on the tracker's time cadence ({@link FaceTracker#PRESENTATION_SAMPLE_EVERY_MILLIS}).
     */
    public FrameObservation analyze(Mat bgr, long timestampMillis, FaceTracker tracker) {
        tracker.startFrame(timestampMillis);
        FaceObservation face = null;
        FaceCrop region = tracker.trackedCrop(timestampMillis, FaceLandmarker.INPUT);
        boolean presentation = tracker.presentationSampleDue(timestampMillis, region == null);
        if (region != null) {
            face = observeFace(bgr, region, null, FaceTracker.MIN_PRESENCE, presentation);
            if (face != null) {
                tracker.tracked(face.landmarks(), face.pose());
            } else {
                // the region lost the face: this frame runs the detector after all
                tracker.lost();
                region = null;
            }
        }
        boolean detected = region == null;
        if (detected) {
            face = detect(bgr, timestampMillis, tracker, presentation);
        }
        for (int tile : tracker.tilesDue(timestampMillis, detected || (presentation && face != null))) {
            tracker.tileScanned(tile,
                    otherFaces(bgr, detector.detectInTile(bgr, tile), face == null ? null : face.detection()));
        }
        int faceCount = tracker.faceCount(face == null ? null : face.detection());
        if (face != null && presentation) {
            tracker.presentationSampled(timestampMillis);
        }
        try (Mat thumbnail = ScreenSample.thumbnail(bgr)) {
            return new FrameObservation(timestampMillis, bgr.cols(), bgr.rows(), faceCount, mean(thumbnail).get(0),
                    face, screenSample(bgr, thumbnail, face, presentation));
        }
    }

    /**
     * A tracked stream's frame that runs the detector. When it finds no face, or none Face Mesh is sure of, the face
     * the tracker followed gets its chance on the region the last landmarks put it in ({@link FaceTracker#lastCrop}),
     * as MediaPipe's own pipeline tracks from landmarks: the detector fails on strongly turned faces that Face Mesh
     * still reads. Null when neither finds a face.
     */
    private @Nullable FaceObservation detect(Mat bgr, long timestampMillis, FaceTracker tracker,
            boolean presentation) {
        List<FaceDetection> found = detector.detect(bgr);
        FaceDetection main = largest(found);
        FaceCrop region = main == null ? null : FaceCrop.fromDetection(main, FaceLandmarker.INPUT);
        try (Mat crop = new Mat()) {
            FaceLandmarks landmarks = main == null ? null : landmarker.landmarks(bgr, region, crop);
            if (landmarks == null || landmarks.presence() < FaceTracker.MIN_PRESENCE) {
                // the rest of the detector's face is described only if the followed face is not found instead
                FaceCrop kept = tracker.lastCrop(FaceLandmarker.INPUT);
                FaceObservation followed = kept == null ? null
                        : observeFace(bgr, kept, null, FaceTracker.MIN_PRESENCE, presentation);
                if (followed != null) {
                    // what the detector found elsewhere than the followed face may still be a second person
                    tracker.detectorMissed(timestampMillis, otherFaces(bgr, found, followed.detection()),
                            followed.landmarks(), followed.pose());
                    return followed;
                }
            }
            FaceObservation face = landmarks == null ? null
                    : describeFace(bgr, crop, region, landmarks, main, presentation);
            tracker.detected(timestampMillis, otherFaces(bgr, found, main), main, region,
                    face == null ? null : face.landmarks(), face == null ? null : face.pose());
            return face;
        }
    }

    /**
     * The detections in {@code found} that may count as a second person: not the main face ({@link FaceTracker#besides})
     * and taken for a face by Face Mesh too ({@link #looksLikeAFace}), checked in that order so the main face costs
     * no Face Mesh run.
     */
    private List<FaceDetection> otherFaces(Mat bgr, List<FaceDetection> found, @Nullable FaceDetection main) {
        return FaceTracker.besides(found, main).stream().filter(d -> looksLikeAFace(bgr, d)).toList();
    }

    /**
     * Whether Face Mesh, run on a detection's region, finds a face there (presence at least
     * {@link #OTHER_FACE_MIN_PRESENCE}): asked of every face besides the main one before it counts as a second person.
     * The detector alone takes textures for faces, zoomed into a tile most of all (bona_fide-0261: foliage beside the
     * head at detector scores 0.72-0.77 and Face Mesh presence 0.00, on 98 % of frames; the TWO_FACES corpus's second
     * faces score presence 1.00). About 2.4 ms, paid only for such faces.
     */
    boolean looksLikeAFace(Mat bgr, FaceDetection detection) {
        return landmarker.landmarks(bgr, detection).presence() >= OTHER_FACE_MIN_PRESENCE;
    }

    /**
     * Presentation-attack hook: the frame's thumbnail and, when {@code measure}, the screen-replay measurements
     * the presentation check combines, taken around the face's box (detected or tracked); none without a face.
     */
    private static ScreenSample screenSample(Mat bgr, Mat thumbnail, FaceObservation face, boolean measure) {
        if (face == null) {
            return null;
        }
        return measure ? ScreenSample.measure(bgr, thumbnail, face.detection()) : ScreenSample.thumbnailOnly(thumbnail);
    }

    /**
     * Times each stage of a tracked frame ({@link FrameCost}) on a synthetic 640x480 frame, {@code rounds} times
     * after {@code rounds / 2} untimed ones, and returns the medians. The networks' cost does not depend on what the picture shows, so the face stages run
     * on the frame's centre whether or not a face is there; the server sizes its frame budget from the result.
     */
    public FrameCost measureCost(int rounds) {
        byte[] jpeg = CalibrationFrame.jpeg();
        double[][] t = new double[5][rounds];
        FaceCrop centre = new FaceCrop(320, 240, 260, 0, FaceLandmarker.INPUT);
        FaceDetection box = new FaceDetection(233, 153, 174, 174, 1f, new float[12]);
        // untimed rounds first: the first Face Mesh and detector calls allocate, and the JIT has not compiled yet
        int warmUp = Math.max(3, rounds / 2);
        for (int i = -warmUp; i < rounds; i++) {
            long start = System.nanoTime();
            try (Mat bgr = decodeForAnalysis(jpeg)) {
                long decoded = System.nanoTime();
                observeFace(bgr, centre, box, 0, false);
                try (Mat thumbnail = ScreenSample.thumbnail(bgr)) {
                    mean(thumbnail);
                    long faced = System.nanoTime();
                    detector.detect(bgr);
                    long detected = System.nanoTime();
                    ScreenSample.measure(bgr, thumbnail, box);
                    try (Mat crop = new Mat(bgr, new Rect(224, 144, FaceLandmarker.INPUT, FaceLandmarker.INPUT));
                            Mat gray = new Mat()) {
                        cvtColor(crop, gray, COLOR_BGR2GRAY);
                        TextureCues.measure(crop, gray);
                    }
                    long presented = System.nanoTime();
                    detector.detectInTile(bgr, Math.floorMod(i, FaceDetector.TILE_COUNT));
                    long tiled = System.nanoTime();
                    if (i < 0) {
                        continue;
                    }
                    t[0][i] = (decoded - start) / 1e6;
                    t[1][i] = (faced - decoded) / 1e6;
                    t[2][i] = (detected - faced) / 1e6;
                    t[3][i] = (presented - detected) / 1e6;
                    t[4][i] = (tiled - presented) / 1e6;
                }
            } catch (FrameRejectedException e) {
                throw new IllegalStateException("the calibration frame must decode", e);
            }
        }
        return new FrameCost(median(t[0]), median(t[1]), median(t[2]), median(t[3]), median(t[4]));
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static FaceDetection largest(List<FaceDetection> faces) {
        return faces.stream().max(Comparator.comparingDouble(d -> d.width() * d.height())).orElse(null);
    }

    /** Landmarks only, for tools that need the mesh of a still photo (the test kit lifts faces to 3D with it). */
    public FaceObservation observeLargestFace(Mat bgr) {
        FaceDetection main = largest(detector.detect(bgr));
        return main == null ? null
                : observeFace(bgr, FaceCrop.fromDetection(main, FaceLandmarker.INPUT), main, 0, true);
    }

    /**
     * The face in a region; {@code detection} is the detector's box, or null
     * on a tracked frame. Null when Face Mesh's presence score is below
     * {@code minPresence}, before the rest is computed for nothing. The
     * texture cues are measured only {@code withTextureCues} (on the
     * presentation cadence).
     */
    private @Nullable FaceObservation observeFace(Mat bgr, FaceCrop region, @Nullable FaceDetection detection,
            float minPresence, boolean withTextureCues) {
        try (Mat crop = new Mat()) {
            FaceLandmarks landmarks = landmarker.landmarks(bgr, region, crop);
            return landmarks.presence() < minPresence ? null
                    : describeFace(bgr, crop, region, landmarks, detection, withTextureCues);
        }
    }

    /** Everything but the landmarks of a face Face Mesh found in {@code region}, whose crop it saw is {@code crop}. */
    private FaceObservation describeFace(Mat bgr, Mat crop, FaceCrop region, FaceLandmarks landmarks,
            @Nullable FaceDetection detection, boolean withTextureCues) {
        FaceDetection box = detection != null ? detection : FaceDetection.tracked(landmarks, region);
        HeadPose pose = poseEstimator.estimate(landmarks, bgr.cols(), bgr.rows());
        try (Mat gray = new Mat()) {
            cvtColor(crop, gray, COLOR_BGR2GRAY);
            // The crop is 1.5x the face box; its middle 40% is eyes, nose and mouth.
            Rect inner = new Rect(FaceLandmarker.INPUT * 3 / 10, FaceLandmarker.INPUT * 3 / 10,
                    FaceLandmarker.INPUT * 4 / 10, FaceLandmarker.INPUT * 4 / 10);
            try (Mat innerGray = new Mat(gray, inner); Mat innerBgr = new Mat(crop, inner)) {
                double brightness = mean(innerGray).get(0);
                return new FaceObservation(box, landmarks, pose, brightness, laplacianVariance(gray),
                        signature(bgr, landmarks), textureHistogram(bgr, landmarks), chroma(innerBgr),
                        withTextureCues ? TextureCues.measure(crop, gray) : null);
            }
        }
    }

    private static double laplacianVariance(Mat gray) {
        try (Mat lap = new Mat(); Mat mu = new Mat(); Mat sigma = new Mat()) {
            // 16-bit is exact for the 3x3 kernel on 8-bit pixels (|value| <= 1020) and cheaper than 64F
            Laplacian(gray, lap, CV_16S);
            meanStdDev(lap, mu, sigma);
            try (DoubleIndexer d = sigma.createIndexer()) {
                return d.get(0) * d.get(0);
            }
        }
    }

    /**
     * The face warped so that both eye centres and the mouth centre land on
     * fixed points of a small grey patch, lightly blurred, then normalised to
     * zero mean and unit variance. Landmark alignment (rather than the
     * detector's box, which jitters) is what makes two frames of one person
     * correlate highly; blur and normalisation remove noise and exposure.
     */
    private static float[] signature(Mat bgr, FaceLandmarks l) {
        try (Mat gray = alignedFace(bgr, l, SIGNATURE); Mat f = new Mat()) {
            GaussianBlur(gray, gray, new Size(3, 3), 0);
            gray.convertTo(f, CV_32F);
            float[] v = new float[SIGNATURE * SIGNATURE];
            try (FloatIndexer idx = f.createIndexer()) {
                idx.get(0, v);
            }
            return normalised(v);
        }
    }

    /** Uniform-LBP histograms of the aligned face at a resolution that keeps skin and feature texture. */
    private static float[] textureHistogram(Mat bgr, FaceLandmarks l) {
        try (Mat gray = alignedFace(bgr, l, LBP_SIZE)) {
            return LocalBinaryPatterns.histogram(gray);
        }
    }

    /** Grey square patch in which both eye centres and the mouth centre sit at fixed points. */
    private static Mat alignedFace(Mat bgr, FaceLandmarks l, int size) {
        float[] src = {
            (l.x(33) + l.x(133)) / 2, (l.y(33) + l.y(133)) / 2,
            (l.x(362) + l.x(263)) / 2, (l.y(362) + l.y(263)) / 2,
            (l.x(13) + l.x(14)) / 2, (l.y(13) + l.y(14)) / 2};
        float[] dst = {size * 0.3f, size * 0.35f, size * 0.7f, size * 0.35f, size * 0.5f, size * 0.8f};
        try (Mat from = points(src); Mat to = points(dst); Mat affine = getAffineTransform(from, to);
                Mat patch = new Mat()) {
            warpAffine(bgr, patch, affine, new Size(size, size), INTER_AREA, BORDER_REPLICATE, new Scalar());
            Mat gray = new Mat();
            cvtColor(patch, gray, COLOR_BGR2GRAY);
            return gray;
        }
    }

    private static Mat points(float[] xy) {
        Mat m = new Mat(3, 1, CV_32FC2);
        try (FloatIndexer idx = m.createIndexer()) {
            for (int i = 0; i < 3; i++) {
                idx.put(i, 0, 0, xy[2 * i]);
                idx.put(i, 0, 1, xy[2 * i + 1]);
            }
        }
        return m;
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        double avg = sum / v.length;
        double var = 0;
        for (float x : v) {
            var += (x - avg) * (x - avg);
        }
        double sd = Math.sqrt(var / v.length) + 1e-6;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((v[i] - avg) / sd);
        }
        return v;
    }

    private static double[] chroma(Mat innerBgr) {
        try (Mat lab = new Mat()) {
            cvtColor(innerBgr, lab, COLOR_BGR2Lab);
            Scalar m = mean(lab);
            return new double[] {m.get(1) - 128, m.get(2) - 128};
        }
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
        poseEstimator.close();
        embedder.close();
    }
}
