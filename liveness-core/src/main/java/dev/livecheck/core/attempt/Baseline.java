package dev.livecheck.core.attempt;

import dev.livecheck.core.vision.FrameObservation;
import java.util.Arrays;
import java.util.List;

/**
 * The person's own frontal pose, measured while the attempt locked on: every
 * challenge is judged as a change from it, so a camera below the face or a
 * habitually tilted head does not count as an action.
 *
 * @param referenceIndex index (in the attempt's observations) of the frontal frame used as reference
 */
public record Baseline(double yaw, double pitch, double roll, double distance, double interocular, int referenceIndex) {

    static Baseline of(List<FrameObservation> run, int firstIndex) {
        double[] yaw = new double[run.size()];
        double[] pitch = new double[run.size()];
        double[] roll = new double[run.size()];
        double[] distance = new double[run.size()];
        double[] iod = new double[run.size()];
        for (int i = 0; i < run.size(); i++) {
            var face = run.get(i).face();
            yaw[i] = face.pose().yaw();
            pitch[i] = face.pose().pitch();
            roll[i] = face.pose().roll();
            distance[i] = face.pose().distance();
            iod[i] = face.landmarks().interocular();
        }
        double medianYaw = median(yaw);
        int reference = 0;
        for (int i = 1; i < run.size(); i++) {
            if (Math.abs(yaw[i] - medianYaw) < Math.abs(yaw[reference] - medianYaw)) {
                reference = i;
            }
        }
        return new Baseline(medianYaw, median(pitch), median(roll), median(distance), median(iod), firstIndex + reference);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
