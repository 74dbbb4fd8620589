// Capture page controller: consent -> camera -> socket -> attempts -> final screen and redirect (or, in a business's
// iframe, a message to the parent and a Continue link for the person).
import { loadTexts } from './texts.js';
import { isEmbedded, parentOrigin, postResult } from './embedding.js';
import { cameraSupported, listCameras, openCamera, stopCamera } from './camera.js';
import { FrameSender } from './frames.js';
import { CaptureClient } from './protocol.js';
import * as ui from './ui.js';

const REDIRECT_DELAY_MS = 2500;
const CLOSE_IDLE = 4000;
const CLOSE_LIFETIME = 4001;
const MAX_RECONNECTS = 30;

const root = document.getElementById('capture');
const video = document.getElementById('preview');
let stream = null;
let client = null;
let sender = null;
// The server's frame limits as the page carries them; `ready` and `rate` messages update fps and size later.
let limits = {
  fps: Number(root.dataset.fps),
  maxFrameBytes: Number(root.dataset.maxFrameBytes),
  maxLongSide: Number(root.dataset.maxFrameLongSide),
  maxShortSide: Number(root.dataset.maxFrameShortSide),
};
let attemptRunning = false;
let finished = false;
let reconnects = 0;

loadTexts(document.getElementById('capture-texts'));
document.querySelectorAll('[data-reload]').forEach((b) => b.addEventListener('click', () => window.location.reload()));
document.getElementById('consent-accept').addEventListener('click', begin);
document.getElementById('attempt-start').addEventListener('click', startAttempt);
document.getElementById('attempt-cancel').addEventListener('click', cancelAttempt);
ui.showAttemptsLeft(root.dataset.attemptsLeft);
if (!cameraSupported()) {
  ui.showState('unsupported');
}

async function begin() {
  ui.showState('starting');
  try {
    await useCamera(null);
  } catch (failure) {
    ui.showState(failure.problem || 'unsupported');
    return;
  }
  ui.showState('capture');
  connect();
}

async function useCamera(deviceId) {
  stopCamera(stream);
  stream = await openCamera(deviceId, limits);
  video.srcObject = stream;
  await video.play().catch(() => {});
  const active = stream.getVideoTracks()[0].getSettings().deviceId;
  ui.showCameraChoice(await listCameras(), active, (id) => useCamera(id).catch((f) => ui.showState(f.problem)));
}

function connect() {
  client = new CaptureClient(root.dataset.wsPath, root.dataset.ticket, {
    ready(message) {
      limits.fps = message.fps;
      limits.maxFrameBytes = message.maxFrameBytes;
      ui.showAttemptsLeft(message.attemptsLeft);
      ui.enableStart();
    },
    guidance(message) {
      ui.instruct(`guidance.${message.code}`);
    },
    challenge(message) {
      ui.markPassed(false);
      ui.showProgress(message.step, message.of);
      ui.instruct(`challenge.${message.action}`);
    },
    challenge_passed() {
      ui.markPassed(true);
      ui.instruct('passed');
    },
    processing() {
      stopFrames();
      ui.instruct('processing');
    },
    // The server's share of its frame budget for this attempt: send at that rate from now on (docs/capture.md).
    rate(message) {
      limits.fps = message.fps;
      if (attemptRunning) {
        sender.start(limits.fps, limits.maxFrameBytes);
      }
    },
    // No capacity yet: wait (no frames) until the server admits the start with a rate message, or answers BUSY.
    queued(message) {
      stopFrames();
      ui.instruct('queued', { position: message.position, seconds: message.timeoutSeconds });
    },
    result: onResult,
    error: onError,
    closed(event) {
      stopFrames();
      if (finished) {
        return;
      }
      // The server closes a silent socket after a minute (4000) and any socket after ten (4001); the page's ticket
      // still binds a new one, and `ready` enables Start again.
      if ((event.code === CLOSE_IDLE || event.code === CLOSE_LIFETIME) && reconnects < MAX_RECONNECTS) {
        reconnects += 1;
        if (attemptRunning) {
          endAttempt(true);
        }
        connect();
        return;
      }
      ui.showFailure('error.connection');
    },
  });
  sender = new FrameSender(video, limits, (jpeg) => client.sendFrame(jpeg), () => client.canSendFrame());
}

function startAttempt() {
  attemptRunning = true;
  ui.markPassed(false);
  ui.showProgress(null);
  // the server asks the first challenge only after a random pause of frontal face (docs/capture.md)
  ui.instruct('waiting');
  ui.setAttemptRunning(true, false);
  client.start();
  sender.start(limits.fps, limits.maxFrameBytes);
}

function cancelAttempt() {
  client.cancel();
  endAttempt(false);
  ui.instruct('ready');
}

function endAttempt(retry) {
  attemptRunning = false;
  stopFrames();
  ui.setAttemptRunning(false, retry);
}

function stopFrames() {
  if (sender) {
    sender.stop();
  }
}

function onResult(message) {
  endAttempt(true);
  ui.showProgress(null);
  ui.showAttemptsLeft(message.attemptsLeft);
  if (!message.final) {
    ui.instruct(`result.${message.recommendation}`);
    return;
  }
  finished = true;
  stopCamera(stream);
  client.close();
  const redirect = safeRedirect(message.redirect);
  if (isEmbedded()) {
    const origin = parentOrigin(root.dataset.parentOrigins);
    if (origin) {
      postResult(origin, root.dataset.sessionId, message, redirect);
    }
    ui.showFinal(message.recommendation, redirect, true);
    return;
  }
  ui.showFinal(message.recommendation, redirect, false);
  if (redirect) {
    window.setTimeout(() => window.location.assign(redirect), REDIRECT_DELAY_MS);
  }
}

// Frame errors are transient (the stream goes on); the others end or void the attempt.
function onError(message) {
  if (message.code === 'SESSION_CLOSED') {
    finished = true;
    stopFrames();
    stopCamera(stream);
    ui.showFailure('error.SESSION_CLOSED');
  } else if (['TIMEOUT', 'INTERNAL', 'ATTEMPT_IN_PROGRESS', 'BUSY'].includes(message.code)) {
    endAttempt(true);
    ui.instruct(`error.${message.code}`);
  } else if (!attemptRunning && message.code === 'ATTEMPT_RUNNING') {
    ui.instruct('error.generic');
  }
}


// Only http(s) targets are followed: a redirect is configured data and must never become a script URL.
function safeRedirect(url) {
  if (!url) {
    return null;
  }
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}
