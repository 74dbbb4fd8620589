// Frame capture: draws the UNMIRRORED video onto a canvas (the preview is only mirrored by CSS) and sends JPEGs at
// the server's rate. A frame is skipped while the socket is backed up, so a slow phone sends fewer frames instead of
// queueing stale ones.
//
// Encoding is synchronous (toDataURL), not canvas.toBlob: Chromium runs toBlob's encoder in the renderer's idle
// time, and a page inside a cross-origin iframe (the embedded web entry) got so little of it that one frame took
// seconds, too few for any challenge. A 640x480 JPEG takes milliseconds either way.
//
// Frames are scaled to fit the server's limits (the page's maxLongSide wide, maxShortSide high).

const QUALITY = 0.8;

export class FrameSender {
  constructor(video, limits, send, canSend) {
    this.video = video;
    this.limits = limits;
    this.send = send;
    this.canSend = canSend;
    this.canvas = document.createElement('canvas');
    this.timer = null;
  }

  start(fps, maxBytes) {
    this.stop();
    this.maxBytes = maxBytes;
    this.timer = window.setInterval(() => this.captureOne(), Math.round(1000 / fps));
  }

  stop() {
    if (this.timer !== null) {
      window.clearInterval(this.timer);
      this.timer = null;
    }
  }

  captureOne() {
    const { videoWidth, videoHeight } = this.video;
    if (!videoWidth || !this.canSend()) {
      return;
    }
    const scale = Math.min(1, this.limits.maxLongSide / videoWidth, this.limits.maxShortSide / videoHeight);
    this.canvas.width = Math.round(videoWidth * scale);
    this.canvas.height = Math.round(videoHeight * scale);
    this.canvas.getContext('2d').drawImage(this.video, 0, 0, this.canvas.width, this.canvas.height);
    const jpeg = jpegBytes(this.canvas.toDataURL('image/jpeg', QUALITY));
    if (jpeg && jpeg.length <= this.maxBytes) {
      this.send(jpeg);
    }
  }
}

// The bytes of a "data:image/jpeg;base64,..." URL; null if the browser fell back to another format (PNG).
function jpegBytes(dataUrl) {
  const prefix = 'data:image/jpeg;base64,';
  if (!dataUrl.startsWith(prefix)) {
    return null;
  }
  const binary = window.atob(dataUrl.slice(prefix.length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
