package dev.livecheck.core.vision;

import org.jspecify.annotations.Nullable;
/**
 * What one frame shows of its main face: the detection, landmarks, head pose,
 * how bright and sharp the face is, an appearance signature for identity
 * continuity and texture cues for presentation-attack detection.
 *
 * @param brightness mean luma (0..255) of the face's inner region
 * @param sharpness variance of the Laplacian on the 192x192 face crop, so it
 *     does not depend on how large the face is in the frame
 * @param appearance zero-mean, unit-variance 32x32 grey patch of the face,
 *     aligned on the eyes and mouth; compare two with {@link #appearanceSimilarity}
 * @param textureHistogram uniform local-binary-pattern histograms of the
 *     landmark-aligned face (4x4 cells); compare two with {@link #textureDistance}
 * @param chroma mean (a*, b*) of the inner face in CIELAB, offset by -128
 * @param texture presentation cues of the face crop, or null on frames between two samples of the
 *     presentation cadence ({@link FaceTracker#PRESENTATION_SAMPLE_EVERY_MILLIS})
 */
public record FaceObservation(
        FaceDetection detection,
        FaceLandmarks landmarks,
        HeadPose pose,
        double brightness,
        double sharpness,
        float[] appearance,
        float[] textureHistogram,
        double[] chroma,
        @Nullable TextureCues texture) {

    /** Hellinger distance of two texture histograms, 0 (same) to 1 (nothing in common). */
    public static double textureDistance(float[] a, float[] b) {
        return LocalBinaryPatterns.distance(a, b);
    }

    /** Pearson correlation of two appearance patches, in [-1, 1]. */
    public static double appearanceSimilarity(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum / a.length;
    }
}
