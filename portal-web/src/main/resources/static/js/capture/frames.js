// Frame capture: draws the UNMIRRORED video onto a canvas (the preview is only mirrored by CSS) and sends JPEGs at
// the server's rate. A frame is skipped while the previous one is still encoding or the socket is backed up, so a
// slow phone sends fewer frames instead of queueing stale ones.

const MAX_WIDTH = 640;
const MAX_HEIGHT = 480;
const QUALITY = 0.8;

export class FrameSender {
  constructor(video, send, canSend) {
    this.video = video;
    this.send = send;
    this.canSend = canSend;
    this.canvas = document.createElement('canvas');
    this.timer = null;
    this.encoding = false;
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
    if (this.encoding || !videoWidth || !this.canSend()) {
      return;
    }
    const scale = Math.min(1, MAX_WIDTH / videoWidth, MAX_HEIGHT / videoHeight);
    this.canvas.width = Math.round(videoWidth * scale);
    this.canvas.height = Math.round(videoHeight * scale);
    this.canvas.getContext('2d').drawImage(this.video, 0, 0, this.canvas.width, this.canvas.height);
    this.encoding = true;
    this.canvas.toBlob((blob) => {
      this.encoding = false;
      if (blob && blob.size <= this.maxBytes && this.timer !== null) {
        this.send(blob);
      }
    }, 'image/jpeg', QUALITY);
  }
}
