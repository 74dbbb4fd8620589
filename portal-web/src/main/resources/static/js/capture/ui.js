// Page states and texts; every visible change goes through here so the DOM stays consistent.
import { text } from './texts.js';

const STATES = ['consent', 'starting', 'denied', 'no-camera', 'busy', 'unsupported', 'capture', 'final', 'failed'];

const byId = (id) => document.getElementById(id);

export function showState(name) {
  STATES.forEach((state) => {
    byId(`state-${state}`).hidden = state !== name;
  });
}

export function instruct(key, values) {
  byId('instruction').textContent = text(key, values);
}

export function showProgress(step, of) {
  const progress = byId('progress');
  progress.hidden = step === null;
  progress.textContent = step === null ? '' : text('progress', { step, of });
}

export function markPassed(passed) {
  byId('oval').classList.toggle('is-passed', passed);
}

export function showAttemptsLeft(n) {
  byId('attempts-left').textContent = text('attemptsLeft', { n });
}

export function setAttemptRunning(running, retry) {
  const start = byId('attempt-start');
  start.disabled = running;
  start.hidden = running;
  if (retry) {
    start.textContent = text('retry');
  }
  byId('attempt-cancel').hidden = !running;
}

export function enableStart() {
  byId('attempt-start').disabled = false;
}

export function showCameraChoice(cameras, selectedId, onChange) {
  const choice = byId('camera-choice');
  const select = byId('camera-select');
  choice.hidden = cameras.length < 2;
  select.replaceChildren(...cameras.map((camera, i) => {
    const option = document.createElement('option');
    option.value = camera.deviceId;
    option.textContent = camera.label || `${text('camera')} ${i + 1}`;
    option.selected = camera.deviceId === selectedId;
    return option;
  }));
  select.onchange = () => onChange(select.value);
}

// Embedded, the person follows the link themselves: it navigates the top window (a click is a user gesture).
export function showFinal(recommendation, redirect, embedded) {
  showState('final');
  byId('final-text').textContent = text(recommendation === 'APPROVE' ? 'final.APPROVE' : 'final.REJECT');
  const next = embedded ? 'final.continueEmbedded' : 'final.redirecting';
  byId('final-next').textContent = text(redirect ? next : 'final.close');
  const link = byId('final-continue');
  link.hidden = !redirect;
  if (redirect) {
    link.href = redirect;
    if (embedded) {
      link.target = '_top';
    }
  }
}

export function showFailure(key) {
  showState('failed');
  byId('failed-text').textContent = text(key);
}
