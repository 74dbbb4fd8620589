package dev.livecheck.core.vision;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Uniform local binary pattern histograms on a grid (the classic LBPH face
 * descriptor): each pixel is coded by which of its 8 neighbours are brighter,
 * the 58 "uniform" codes (at most two 0/1 transitions) get a bin each and all
 * others share one; a histogram per cell keeps where on the face a texture
 * is. Exposure changes do not change the codes, which makes this a robust
 * identity cue for comparing frames of one attempt.
 */
final class LocalBinaryPatterns {

    static final int GRID = 4;
    static final int BINS = 59;
    private static final int[] BIN_OF_CODE = uniformBins();

    private LocalBinaryPatterns() {
    }

    /** Square-rooted, per-cell normalised histograms (Hellinger form) of a grey square image. */
    static float[] histogram(Mat gray) {
        int size = gray.rows();
        int cell = size / GRID;
        float[] h = new float[GRID * GRID * BINS];
        int[] pixels = new int[size * size];
        try (UByteIndexer idx = gray.createIndexer()) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    pixels[y * size + x] = idx.get(y, x);
                }
            }
        }
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                int c = pixels[y * size + x];
                int code = bit(pixels, size, x - 1, y - 1, c, 7) | bit(pixels, size, x, y - 1, c, 6)
                        | bit(pixels, size, x + 1, y - 1, c, 5) | bit(pixels, size, x + 1, y, c, 4)
                        | bit(pixels, size, x + 1, y + 1, c, 3) | bit(pixels, size, x, y + 1, c, 2)
                        | bit(pixels, size, x - 1, y + 1, c, 1) | bit(pixels, size, x - 1, y, c, 0);
                int cellIndex = Math.min(GRID - 1, y / cell) * GRID + Math.min(GRID - 1, x / cell);
                h[cellIndex * BINS + BIN_OF_CODE[code]]++;
            }
        }
        for (int k = 0; k < GRID * GRID; k++) {
            float sum = 0;
            for (int b = 0; b < BINS; b++) {
                sum += h[k * BINS + b];
            }
            for (int b = 0; b < BINS; b++) {
                h[k * BINS + b] = sum == 0 ? 0 : (float) Math.sqrt(h[k * BINS + b] / sum);
            }
        }
        return h;
    }

    private static int bit(int[] p, int size, int x, int y, int centre, int shift) {
        return p[y * size + x] >= centre ? 1 << shift : 0;
    }

    /** Hellinger distance between two histograms, 0 (same) to 1 (disjoint). */
    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum / (2.0 * GRID * GRID));
    }

    private static int[] uniformBins() {
        int[] bins = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int transitions = Integer.bitCount((code ^ ((code << 1) | (code >> 7))) & 0xFF);
            bins[code] = transitions <= 2 ? next++ : -1;
        }
        for (int code = 0; code < 256; code++) {
            if (bins[code] < 0) {
                bins[code] = BINS - 1;
            }
        }
        return bins;
    }
}
