/**
 * Per-frame perception: JPEG decoding with strict limits, MediaPipe BlazeFace
 * face detection and Face Mesh landmarks through OpenCV's DNN module, head pose
 * from the landmarks, and the image cues (brightness, sharpness, texture) that
 * later checks judge. Nothing here decides liveness; it turns one camera frame
 * into one {@link dev.livecheck.core.vision.FrameObservation}.
 *
 * <p>OpenCV {@code Net} objects are not thread-safe: every {@link
 * dev.livecheck.core.vision.FrameAnalyzer} owns its own networks, built from
 * model bytes that {@link dev.livecheck.core.vision.FaceVisionModels} loads once.
 */
@NullMarked
package dev.livecheck.core.vision;

import org.jspecify.annotations.NullMarked;
