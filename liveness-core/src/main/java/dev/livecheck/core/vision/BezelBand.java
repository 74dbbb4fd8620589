package dev.livecheck.core.vision;

import org.bytedeco.javacpp.indexer.UByteIndexer;

/**
 * Whether a long straight edge of the grey thumbnail ({@link ScreenSample#THUMB_W} wide) is the edge of a display's
 * bezel: a dark, even band, 2 to 12 thumbnail pixels wide (1.3-7.5 % of the frame's width, a phone's or tablet's
 * bezel where it is held to fill much of the view), that starts at the edge and ends at a second one, darker than
 * what lies on both sides of it.
 *
 * <p>Why a band and not an edge: a room frames a face with straight edges too (a door, a window, a shelf, a brick
 * wall's joints), and counting the sides with an edge ({@code bezel_sides}) cannot tell them from a display's. A
 * bezel is black plastic or glass between two different scenes, the picture and the room; a door edge or a wall's
 * joint is a step or a light line between two similar ones. Of the test kit's 800 bona fide renders, 786 show no such
 * band in any sampled frame and the most shows one in 44 % of them (a dark door jamb), while most screen replays show
 * one on every visible side (docs/accuracy.md, "The display's bezel").
 */
final class BezelBand {
    /** How far across the edge, each way, the intensity profile is read (thumbnail pixels). */
    static final int REACH = 18;
    static final int MIN_WIDTH = 2;
    static final int MAX_WIDTH = 12;
    /** A bezel is black; exposure for a face lifts it, but not to a mid grey. */
    static final double MAX_GREY = 70;
    /** The band is at most this share of the darker of its two sides. */
    static final double MAX_SHARE_OF_SIDES = 0.6;
    /** Across its width the band is even: its profile varies by at most this many grey levels. */
    static final double MAX_SPREAD = 30;
    /** The sides are read this far beyond the band, over this many pixels (skipping the edge's own blur). */
    private static final int SIDE_GAP = 2;
    private static final int SIDE_WIDTH = 3;

    private BezelBand() {
    }

    /** Whether the segment (x1, y1)-(x2, y2), vertical or horizontal, borders a bezel band on either side. */
    static boolean along(UByteIndexer gray, int width, int height, double x1, double y1, double x2, double y2,
            boolean vertical) {
        double[] profile = profile(gray, width, height, x1, y1, x2, y2, vertical);
        return bandOn(profile, 1) || bandOn(profile, -1);
    }

    /** Mean grey at each offset -REACH..REACH across the segment (NaN where an offset leaves the thumbnail). */
    private static double[] profile(UByteIndexer gray, int width, int height, double x1, double y1, double x2, double y2,
            boolean vertical) {
        double[] sum = new double[2 * REACH + 1];
        int[] count = new int[2 * REACH + 1];
        int steps = (int) Math.max(1, Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)));
        for (int t = 0; t <= steps; t++) {
            double x = x1 + (x2 - x1) * t / steps;
            double y = y1 + (y2 - y1) * t / steps;
            for (int o = -REACH; o <= REACH; o++) {
                int px = (int) Math.round(vertical ? x + o : x);
                int py = (int) Math.round(vertical ? y : y + o);
                if (px >= 0 && py >= 0 && px < width && py < height) {
                    sum[o + REACH] += gray.get(py, px);
                    count[o + REACH]++;
                }
            }
        }
        double[] profile = new double[sum.length];
        for (int i = 0; i < profile.length; i++) {
            profile[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return profile;
    }

    /** A band starting beside the edge on side {@code side} (+1 or -1 along the profile) of some width. */
    static boolean bandOn(double[] profile, int side) {
        for (int w = MIN_WIDTH; w <= MAX_WIDTH; w++) {
            double band = mean(profile, side, side * w);
            double before = mean(profile, -side * SIDE_GAP, -side * (SIDE_GAP + SIDE_WIDTH - 1));
            double beyond = mean(profile, side * (w + SIDE_GAP), side * (w + SIDE_GAP + SIDE_WIDTH - 1));
            if (Double.isNaN(band) || Double.isNaN(before) || Double.isNaN(beyond)) {
                continue;
            }
            if (band <= MAX_GREY && band <= MAX_SHARE_OF_SIDES * Math.min(before, beyond)
                    && spread(profile, side, side * w) <= MAX_SPREAD) {
                return true;
            }
        }
        return false;
    }

    /** Mean of the profile over offsets a..b (either order); NaN if any is outside the profile or the picture. */
    private static double mean(double[] profile, int a, int b) {
        double sum = 0;
        for (int o = Math.min(a, b); o <= Math.max(a, b); o++) {
            if (Math.abs(o) > REACH || Double.isNaN(profile[o + REACH])) {
                return Double.NaN;
            }
            sum += profile[o + REACH];
        }
        return sum / (Math.abs(b - a) + 1);
    }

    private static double spread(double[] profile, int a, int b) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int o = Math.min(a, b); o <= Math.max(a, b); o++) {
            min = Math.min(min, profile[o + REACH]);
            max = Math.max(max, profile[o + REACH]);
        }
        return max - min;
    }
}
