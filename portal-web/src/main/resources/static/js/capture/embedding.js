// The capture page inside a business's iframe (the SDK's web entry): a cross-origin frame cannot send the top
// window elsewhere without a user gesture, so the outcome goes to the parent as a message, and only to an origin
// the business allowed to embed the page (never '*').

export function isEmbedded() {
  return window.self !== window.top;
}

/** The parent's origin if it is one of the allowed ones (space-separated), else null. */
export function parentOrigin(allowed) {
  const origins = (allowed || '').split(' ').filter(Boolean);
  const parent = (window.location.ancestorOrigins && window.location.ancestorOrigins[0]) || originOf(document.referrer);
  return origins.includes(parent) ? parent : null;
}

function originOf(url) {
  try {
    return url ? new URL(url).origin : null;
  } catch (e) {
    return null;
  }
}

/** Tells the parent how the session ended: {type: 'livecheck:result', sessionId, recommendation, final, redirect}. */
export function postResult(origin, sessionId, message, redirect) {
  window.parent.postMessage({
    type: 'livecheck:result',
    sessionId,
    recommendation: message.recommendation,
    final: message.final,
    redirect,
  }, origin);
}
