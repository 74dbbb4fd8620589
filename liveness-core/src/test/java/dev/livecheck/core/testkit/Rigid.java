package dev.livecheck.core.testkit;

/**
 * A rigid motion from model space to camera space, {@code camera = R * (p - pivot) + t},
 * stored as a 3x4 matrix. Camera space: x right, y down, z away from the camera
 * (the image plane), in the same units as the model.
 *
 * <p>Angles follow {@link dev.livecheck.core.vision.HeadPose}: {@code yaw > 0}
 * turns the model's front (its -z side) toward the image's right edge,
 * {@code pitch > 0} turns it up, {@code roll > 0} rotates it clockwise in the
 * image. The rotation applies yaw first, then pitch, then roll.
 */
record Rigid(double[] m) {

    static Rigid of(double yawDeg, double pitchDeg, double rollDeg,
            double pivotX, double pivotY, double pivotZ, double tx, double ty, double tz) {
        double[] r = rotation(yawDeg, pitchDeg, rollDeg);
        double[] m = new double[12];
        for (int row = 0; row < 3; row++) {
            double a = r[3 * row];
            double b = r[3 * row + 1];
            double c = r[3 * row + 2];
            m[4 * row] = a;
            m[4 * row + 1] = b;
            m[4 * row + 2] = c;
            m[4 * row + 3] = -(a * pivotX + b * pivotY + c * pivotZ) + (row == 0 ? tx : row == 1 ? ty : tz);
        }
        return new Rigid(m);
    }

    /** Row-major 3x3 rotation: roll * pitch * yaw. */
    static double[] rotation(double yawDeg, double pitchDeg, double rollDeg) {
        double cy = Math.cos(Math.toRadians(yawDeg));
        double sy = Math.sin(Math.toRadians(yawDeg));
        double cp = Math.cos(Math.toRadians(pitchDeg));
        double sp = Math.sin(Math.toRadians(pitchDeg));
        double cr = Math.cos(Math.toRadians(rollDeg));
        double sr = Math.sin(Math.toRadians(rollDeg));
        // yaw (x,z): x' = x c - z s, z' = x s + z c: a point in front of the pivot (z < 0) moves to +x.
        double[] yaw = {cy, 0, -sy, 0, 1, 0, sy, 0, cy};
        // pitch (y,z): y' = y c + z s, z' = -y s + z c: a point in front (z < 0) moves up (-y).
        double[] pitch = {1, 0, 0, 0, cp, sp, 0, -sp, cp};
        // roll (x,y) with y down: x' = x c - y s, y' = x s + y c is clockwise on screen.
        double[] roll = {cr, -sr, 0, sr, cr, 0, 0, 0, 1};
        return mul(roll, mul(pitch, yaw));
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    double x(double px, double py, double pz) {
        return m[0] * px + m[1] * py + m[2] * pz + m[3];
    }

    double y(double px, double py, double pz) {
        return m[4] * px + m[5] * py + m[6] * pz + m[7];
    }

    double z(double px, double py, double pz) {
        return m[8] * px + m[9] * py + m[10] * pz + m[11];
    }
}
