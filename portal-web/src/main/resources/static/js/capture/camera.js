// Camera access: the front camera at the server's frame size (the page's limits), and a classification of the ways
// it can fail.

export const CameraProblem = Object.freeze({
  DENIED: 'denied',
  NONE: 'no-camera',
  BUSY: 'busy',
  UNSUPPORTED: 'unsupported',
});

export function cameraSupported() {
  return Boolean(window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

/**
 * Opens a camera (a given device, else the user-facing one) asking for the server's frame size and rate
 * ({maxLongSide, maxShortSide, fps}); rejects with {problem} on failure.
 */
export async function openCamera(deviceId, limits) {
  if (!cameraSupported()) {
    throw { problem: CameraProblem.UNSUPPORTED };
  }
  const video = {
    width: { ideal: limits.maxLongSide },
    height: { ideal: limits.maxShortSide },
    frameRate: { ideal: limits.fps },
  };
  if (deviceId) {
    video.deviceId = { exact: deviceId };
  } else {
    video.facingMode = 'user';
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (error) {
    throw { problem: classify(error), cause: error };
  }
}

function classify(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return CameraProblem.DENIED;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return CameraProblem.NONE;
    case 'NotReadableError':
    case 'AbortError':
      return CameraProblem.BUSY;
    default:
      return CameraProblem.UNSUPPORTED;
  }
}

/** Video inputs; labels are only known after permission was granted. */
export async function listCameras() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput');
}

export function stopCamera(stream) {
  if (stream) {
    stream.getTracks().forEach((track) => track.stop());
  }
}
