// The capture protocol client (see docs/capture.md): one WebSocket, JSON control messages, binary JPEG frames.

const BACKLOG_LIMIT = 512 * 1024;

export class CaptureClient {
  // The ticket binds the socket to the page's session (no cookie needed, so it works in a cross-site iframe).
  constructor(path, ticket, handlers) {
    this.handlers = handlers;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = ticket ? `?ticket=${encodeURIComponent(ticket)}` : '';
    this.socket = new WebSocket(`${scheme}//${window.location.host}${path}${query}`);
    this.socket.binaryType = 'arraybuffer';
    this.socket.addEventListener('message', (event) => this.dispatch(event));
    this.socket.addEventListener('close', (event) => handlers.closed && handlers.closed(event));
  }

  dispatch(event) {
    if (typeof event.data !== 'string') {
      return;
    }
    let message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    const handler = this.handlers[message.type];
    if (handler) {
      handler(message);
    }
  }

  start() {
    this.sendJson({ type: 'start' });
  }

  cancel() {
    this.sendJson({ type: 'cancel' });
  }

  sendJson(message) {
    if (this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  canSendFrame() {
    return this.socket.readyState === WebSocket.OPEN && this.socket.bufferedAmount < BACKLOG_LIMIT;
  }

  sendFrame(blob) {
    if (this.canSendFrame()) {
      this.socket.send(blob);
    }
  }

  close() {
    this.socket.close(1000);
  }
}
