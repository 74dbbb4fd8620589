package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;

import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A face photo printed on paper and held in the hand: the photo cropped
 * around the head, with a paper look (lower contrast, lifted blacks, slightly
 * warm and desaturated, fine paper grain), an optional white print margin and
 * one or two fingertips over its edges. Rendered as a flat plane, so under any
 * tilt it moves as a single homography.
 */
final class PrintSheet {

    private final Mesh mesh;
    private final float faceX;
    private final float faceY;
    private final float faceWidth;

    private PrintSheet(Mesh mesh, float faceX, float faceY, float faceWidth) {
        this.mesh = mesh;
        this.faceX = faceX;
        this.faceY = faceY;
        this.faceWidth = faceWidth;
    }

    static PrintSheet of(FaceModel3D face, Random rnd) {
        Mat photo = face.photo();
        float fw = face.faceWidth();
        int x0 = (int) Math.max(0, face.centreX() - MotionScript.uniform(rnd, 1.4, 1.9) * fw);
        int x1 = (int) Math.min(photo.cols(), face.centreX() + MotionScript.uniform(rnd, 1.4, 1.9) * fw);
        int y0 = (int) Math.max(0, face.centreY() - MotionScript.uniform(rnd, 1.5, 2.0) * fw);
        int y1 = (int) Math.min(photo.rows(), face.centreY() + MotionScript.uniform(rnd, 1.8, 2.6) * fw);
        int cw = x1 - x0;
        int ch = y1 - y0;
        boolean margin = rnd.nextDouble() < 0.6;
        int border = margin ? (int) Math.round(0.05 * Math.max(cw, ch)) : 0;
        int pw = cw + 2 * border;
        int ph = ch + 2 * border;
        int hand = (int) Math.round(0.14 * pw); // transparent room around the sheet for fingers
        int tw = pw + 2 * hand;
        int th = ph + 2 * hand;

        double contrast = MotionScript.uniform(rnd, 0.68, 0.85);
        double lift = MotionScript.uniform(rnd, 20, 40);
        double desaturate = MotionScript.uniform(rnd, 0.1, 0.3);
        double[] warm = {MotionScript.uniform(rnd, 0.86, 0.94), MotionScript.uniform(rnd, 0.95, 0.99), 1.02};
        double grain = MotionScript.uniform(rnd, 3, 7);
        double[] paper = {MotionScript.uniform(rnd, 210, 230), MotionScript.uniform(rnd, 225, 238), 240};
        Mat tex = new Mat(th, tw, CV_8UC4, new Scalar(0, 0, 0, 0));
        try (UByteIndexer src = photo.createIndexer(); UByteIndexer dst = tex.createIndexer()) {
            for (int y = 0; y < ph; y++) {
                for (int x = 0; x < pw; x++) {
                    int sx = x - border + x0;
                    int sy = y - border + y0;
                    boolean inPhoto = x >= border && x < border + cw && y >= border && y < border + ch;
                    double g = grain * rnd.nextGaussian();
                    double[] v = new double[3];
                    if (inPhoto) {
                        double b = src.get(sy, sx, 0);
                        double gr = src.get(sy, sx, 1);
                        double r = src.get(sy, sx, 2);
                        double luma = 0.114 * b + 0.587 * gr + 0.299 * r;
                        double[] c = {b, gr, r};
                        for (int k = 0; k < 3; k++) {
                            double s = c[k] + (luma - c[k]) * desaturate;
                            v[k] = (lift + s * contrast * (255 - lift) / 255) * warm[k] + g;
                        }
                    } else {
                        for (int k = 0; k < 3; k++) {
                            v[k] = paper[k] + g * 0.6;
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        dst.put(y + hand, x + hand, k, (int) Math.max(0, Math.min(255, Math.round(v[k]))));
                    }
                    dst.put(y + hand, x + hand, 3, 255);
                }
            }
        }
        int fingers = rnd.nextInt(3);
        Scalar skin = new Scalar(MotionScript.uniform(rnd, 90, 150), MotionScript.uniform(rnd, 120, 170),
                MotionScript.uniform(rnd, 170, 225), 255);
        for (int i = 0; i < fingers; i++) {
            // a fingertip over the bottom or a side edge
            int side = rnd.nextInt(3);
            int fx;
            int fy;
            Size axes = new Size((int) (0.06 * pw), (int) (0.12 * pw));
            double angle = 0;
            if (side == 0) {
                fx = hand + (int) (pw * MotionScript.uniform(rnd, 0.2, 0.8));
                fy = hand + ph;
            } else {
                fx = side == 1 ? hand : hand + pw;
                fy = hand + (int) (ph * MotionScript.uniform(rnd, 0.55, 0.9));
                angle = 90;
            }
            ellipse(tex, new Point(fx, fy), axes, angle, 0, 360, skin, -1, LINE_AA, 0);
        }
        Mesh mesh = Mesh.plane(tex, 8);
        float faceX = face.centreX() - x0 + border + hand;
        float faceY = face.centreY() - y0 + border + hand;
        return new PrintSheet(mesh, faceX, faceY, fw);
    }

    /** The sheet's transform for a pose: the printed face appears {@code faceWidthPx} wide at (cx, cy) when frontal. */
    Rigid[] pose(double yaw, double pitch, double roll, double faceWidthPx, double cx, double cy) {
        double d = HeadRenderer.FOCAL * faceWidth / faceWidthPx;
        return new Rigid[] {Rigid.of(yaw, pitch, roll, faceX, faceY, 0,
                (cx - HeadRenderer.CX) * d / HeadRenderer.FOCAL, (cy - HeadRenderer.CY) * d / HeadRenderer.FOCAL, d)};
    }

    Mesh mesh() {
        return mesh;
    }
}
