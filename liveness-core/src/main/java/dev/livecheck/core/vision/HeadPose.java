package dev.livecheck.core.vision;

/**
 * Head orientation in degrees, from the person's point of view as the
 * recording format defines it: {@code yaw > 0} when the nose points toward the
 * image's right edge (TURN_LEFT), {@code pitch > 0} when it points up
 * (LOOK_UP), {@code roll > 0} when the eye line rotates clockwise in the
 * image. Yaw and pitch are measured against the line of sight from the
 * camera to the head, so a face anywhere in the frame that looks into the lens
 * reads as frontal. {@code distance} is the estimated distance to the camera in
 * centimetres under an assumed 53-degree horizontal field of view; only its
 * ratios between frames are meaningful.
 */
public record HeadPose(double yaw, double pitch, double roll, double distance) {
}
