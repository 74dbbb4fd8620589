'use strict';

// Livecheck test driver: runs Yoti's published Node SDK (npm "yoti", pinned in package.json)
// against Livecheck's /idverify/v1 API. Used by YotiNodeClient in the portal-web tests.
//
// Environment: LIVECHECK_API_URL (e.g. http://localhost:8080/idverify/v1), LIVECHECK_SDK_ID,
// LIVECHECK_PEM_FILE (the relying business's private key, PEM).
//
// Subcommands (each prints exactly ONE JSON line on stdout):
//   create [<options-json> | @<options-file>]   -> {"session_id","client_session_token","client_session_token_ttl"}
//   get <sessionId>                             -> what the SDK parsed, read through its getters
//   media <sessionId> <mediaId> <outFile>       -> {"mime_type","bytes"} (file holds the bytes)
//   delete-media <sessionId> <mediaId>          -> {"deleted":true}
//   delete <sessionId>                          -> {"deleted":true}
//   config <sessionId>                          -> what the SDK parsed from the session configuration
// Any failure: {"error":"<message>","status":<http status or null>[,"body":<parsed error body>]}, exit code 2.
//
// Only the SDK's public API is used, so a passing test proves the SDK accepts Livecheck's JSON.

const fs = require('fs');

// The SDK logs failed HTTP calls with console.log; keep stdout for our single JSON line.
console.log = console.error;
console.info = console.error;
console.warn = console.error;

const EXIT_ERROR = 2;

class UsageError extends Error {}

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function fail(err) {
  const out = { error: (err && err.message) || String(err), status: null };
  if (err && typeof err.getResponseStatusCode === 'function') {
    out.status = err.getResponseStatusCode();
  }
  if (err && typeof err.getResponseBody === 'function') {
    const body = err.getResponseBody();
    if (body !== null && body !== undefined) out.body = body;
  }
  emit(out);
  process.exitCode = EXIT_ERROR;
}

/** undefined -> null, so every summary key is present and a missing value is visible. */
const v = (value) => (value === undefined ? null : value);

/** YotiDate (or undefined) -> RFC 3339 string with microseconds, as the SDK understood it. */
const date = (yotiDate) => (yotiDate ? yotiDate.getMicrosecondTimestamp() : null);

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new UsageError(`${name} is not set`);
  return value;
}

function loadSdk() {
  // Loaded lazily so that usage/env errors are reported even before `npm ci` has run.
  return require('yoti'); // eslint-disable-line global-require
}

function newClient(yoti) {
  const apiUrl = requireEnv('LIVECHECK_API_URL');
  const sdkId = requireEnv('LIVECHECK_SDK_ID');
  const pemFile = requireEnv('LIVECHECK_PEM_FILE');
  let pem;
  try {
    pem = fs.readFileSync(pemFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read LIVECHECK_PEM_FILE ${pemFile}: ${e.message}`);
  }
  return new yoti.IDVClient(sdkId, pem, { apiUrl });
}

function args(argv, count, usage) {
  if (argv.length !== count) throw new UsageError(`usage: ${usage}`);
  argv.forEach((a) => {
    if (!a) throw new UsageError(`usage: ${usage} (empty argument)`);
  });
  return argv;
}

// ---------------------------------------------------------------------------------------------
// create

const CREATE_OPTIONS = [
  'livenessType', 'maxRetries', 'userTrackingId', 'clientSessionTokenTtl', 'resourcesTtl',
  'sessionDeadline', 'blockBiometricConsent', 'notification',
  'successUrl', 'errorUrl', 'privacyPolicyUrl', 'primaryColour', 'secondaryColour', 'fontColour',
  'locale', 'presetIssuingCountry', 'allowedCaptureMethods', 'biometricConsentFlow', 'allowHandoff',
  'brandId',
];
const NOTIFICATION_OPTIONS = ['endpoint', 'authToken', 'authType', 'topics'];

function readOptions(argv) {
  if (argv.length > 1) throw new UsageError('usage: create [<options-json> | @<options-file>]');
  if (argv.length === 0) return {};
  let text = argv[0];
  if (text.startsWith('@')) {
    try {
      text = fs.readFileSync(text.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read options file ${text.slice(1)}: ${e.message}`);
    }
  }
  let options;
  try {
    options = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`create options are not valid JSON: ${e.message}`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new UsageError('create options must be a JSON object');
  }
  return options;
}

function checkKeys(obj, allowed, what) {
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new UsageError(`unknown ${what} option(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  }
}

function buildNotifications(yoti, n) {
  if (n === null || typeof n !== 'object' || Array.isArray(n)) {
    throw new UsageError('notification must be a JSON object');
  }
  checkKeys(n, NOTIFICATION_OPTIONS, 'notification');
  const builder = new yoti.NotificationConfigBuilder();
  if (n.endpoint !== undefined) builder.withEndpoint(n.endpoint);
  if (n.authToken !== undefined) builder.withAuthToken(n.authToken);
  if (n.authType !== undefined) {
    if (n.authType === 'BASIC') builder.withAuthTypeBasic();
    else if (n.authType === 'BEARER') builder.withAuthTypeBearer();
    else throw new UsageError(`notification.authType must be BASIC or BEARER, not ${n.authType}`);
  }
  (n.topics || []).forEach((topic) => {
    switch (topic) {
      case 'RESOURCE_UPDATE': builder.forResourceUpdate(); break;
      case 'TASK_COMPLETION': builder.forTaskCompletion(); break;
      case 'CHECK_COMPLETION': builder.forCheckCompletion(); break;
      case 'SESSION_COMPLETION': builder.forSessionCompletion(); break;
      default: builder.withTopic(topic);
    }
  });
  return builder.build();
}

const SDK_CONFIG_SETTERS = {
  successUrl: 'withSuccessUrl',
  errorUrl: 'withErrorUrl',
  privacyPolicyUrl: 'withPrivacyPolicyUrl',
  primaryColour: 'withPrimaryColour',
  secondaryColour: 'withSecondaryColour',
  fontColour: 'withFontColour',
  locale: 'withLocale',
  presetIssuingCountry: 'withPresetIssuingCountry',
  allowedCaptureMethods: 'withAllowedCaptureMethods',
  biometricConsentFlow: 'withBiometricConsentFlow',
  allowHandoff: 'withAllowHandoff',
  brandId: 'withBrandId',
};

function buildSpecification(yoti, o) {
  checkKeys(o, CREATE_OPTIONS, 'create');
  const liveness = new yoti.RequestedLivenessCheckBuilder();
  const livenessType = o.livenessType === undefined ? 'ZOOM' : o.livenessType;
  if (livenessType === 'ZOOM') liveness.forZoomLiveness();
  else if (livenessType === 'STATIC') liveness.forStaticLiveness();
  else liveness.forLivenessType(livenessType);
  if (o.maxRetries !== undefined) liveness.withMaxRetries(o.maxRetries);

  const spec = new yoti.SessionSpecificationBuilder().withRequestedCheck(liveness.build());
  if (o.userTrackingId !== undefined) spec.withUserTrackingId(o.userTrackingId);
  if (o.clientSessionTokenTtl !== undefined) spec.withClientSessionTokenTtl(o.clientSessionTokenTtl);
  if (o.resourcesTtl !== undefined) spec.withResourcesTtl(o.resourcesTtl);
  if (o.sessionDeadline !== undefined) spec.withSessionDeadline(new Date(o.sessionDeadline));
  if (o.blockBiometricConsent !== undefined) spec.withBlockBiometricConsent(o.blockBiometricConsent);
  if (o.notification !== undefined) spec.withNotifications(buildNotifications(yoti, o.notification));

  const sdkKeys = Object.keys(SDK_CONFIG_SETTERS).filter((k) => o[k] !== undefined);
  if (sdkKeys.length > 0) {
    const sdk = new yoti.SdkConfigBuilder();
    sdkKeys.forEach((k) => sdk[SDK_CONFIG_SETTERS[k]](o[k]));
    spec.withSdkConfig(sdk.build());
  }
  return spec.build();
}

async function create(argv) {
  const options = readOptions(argv);
  const yoti = loadSdk();
  const client = newClient(yoti);
  // Builder validation errors (TypeError from the SDK) are reported like any other error.
  const specification = buildSpecification(yoti, options);
  const result = await client.createSession(specification);
  return {
    session_id: v(result.getSessionId()),
    client_session_token: v(result.getClientSessionToken()),
    client_session_token_ttl: v(result.getClientSessionTokenTtl()),
  };
}

// ---------------------------------------------------------------------------------------------
// get

function summariseMedia(media) {
  if (!media) return null;
  return {
    id: v(media.getId()),
    type: v(media.getType()),
    created: date(media.getCreated()),
    last_updated: date(media.getLastUpdated()),
  };
}

function summariseCheck(check) {
  const report = check.getReport();
  const recommendation = report ? report.getRecommendation() : undefined;
  return {
    type: v(check.getType()),
    id: v(check.getId()),
    state: v(check.getState()),
    created: date(check.getCreated()),
    last_updated: date(check.getLastUpdated()),
    resources_used: check.getResourcesUsed(),
    generated_media: check.getGeneratedMedia().map((m) => ({ id: v(m.getId()), type: v(m.getType()) })),
    report: report ? {
      recommendation: recommendation ? {
        value: v(recommendation.getValue()),
        reason: v(recommendation.getReason()),
        recovery_suggestion: v(recommendation.getRecoverySuggestion()),
      } : null,
      breakdown: report.getBreakdown().map((b) => ({
        sub_check: v(b.getSubCheck()),
        result: v(b.getResult()),
        process: v(b.getProcess()),
        details: b.getDetails().map((d) => ({ name: v(d.getName()), value: v(d.getValue()) })),
      })),
    } : null,
  };
}

function summariseZoomResource(resource) {
  const faceMap = resource.getFaceMap();
  return {
    id: v(resource.getId()),
    liveness_type: v(resource.getLivenessType()),
    tasks: resource.getTasks().map((t) => ({ type: v(t.getType()), id: v(t.getId()), state: v(t.getState()) })),
    facemap: faceMap ? summariseMedia(faceMap.getMedia()) : null,
    frames: resource.getFrames().map((frame) => {
      const media = frame.getMedia();
      return {
        media_id: media ? v(media.getId()) : null,
        media_type: media ? v(media.getType()) : null,
        media: summariseMedia(media),
      };
    }),
  };
}

async function get(argv) {
  const [sessionId] = args(argv, 1, 'get <sessionId>');
  const yoti = loadSdk();
  const session = await newClient(yoti).getSession(sessionId);
  const resources = session.getResources();
  return {
    session_id: v(session.getSessionId()),
    state: v(session.getState()),
    user_tracking_id: v(session.getUserTrackingId()),
    client_session_token_ttl: v(session.getClientSessionTokenTtl()),
    client_session_token: v(session.getClientSessionToken()),
    biometric_consent: date(session.getBiometricConsentTimestamp()),
    check_types: session.getChecks().map((c) => v(c.getType())),
    liveness_checks: session.getLivenessChecks().map(summariseCheck),
    resources_present: resources !== undefined,
    liveness_capture_count: resources ? resources.getLivenessCapture().length : null,
    zoom_liveness_resources: resources ? resources.getZoomLivenessResources().map(summariseZoomResource) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// media, delete-media, delete, config

async function media(argv) {
  const [sessionId, mediaId, outFile] = args(argv, 3, 'media <sessionId> <mediaId> <outFile>');
  const yoti = loadSdk();
  const content = await newClient(yoti).getMediaContent(sessionId, mediaId);
  if (content === null) {
    // 204: the SDK returns null (no media); nothing is written.
    return { no_content: true, mime_type: null, bytes: 0 };
  }
  const bytes = content.getContent();
  fs.writeFileSync(outFile, bytes);
  return { mime_type: content.getMimeType(), bytes: bytes.length };
}

async function deleteMedia(argv) {
  const [sessionId, mediaId] = args(argv, 2, 'delete-media <sessionId> <mediaId>');
  const yoti = loadSdk();
  await newClient(yoti).deleteMediaContent(sessionId, mediaId);
  return { deleted: true };
}

async function deleteSession(argv) {
  const [sessionId] = args(argv, 1, 'delete <sessionId>');
  const yoti = loadSdk();
  await newClient(yoti).deleteSession(sessionId);
  return { deleted: true };
}

async function config(argv) {
  const [sessionId] = args(argv, 1, 'config <sessionId>');
  const yoti = loadSdk();
  const configuration = await newClient(yoti).getSessionConfiguration(sessionId);
  const capture = configuration.getCapture();
  const required = capture.getRequiredResources();
  return {
    session_id: v(configuration.getSessionId()),
    client_session_token_ttl: v(configuration.getClientSessionTokenTtl()),
    requested_checks: v(configuration.getRequestedChecks()),
    biometric_consent: v(capture.getBiometricConsent()),
    required_resources: required ? required.map((r) => ({
      type: v(r.getType()),
      id: v(r.getId()),
      state: v(r.getState()),
      liveness_type: typeof r.getLivenessType === 'function' ? v(r.getLivenessType()) : null,
      allowed_sources: r.getAllowedSources() ? r.getAllowedSources().map((s) => s.getType()) : null,
      relying_business_allowed: r.isRelyingBusinessAllowed(),
    })) : null,
    zoom_liveness_requirements: required ? capture.getZoomLivenessResourceRequirements().length : null,
  };
}

const COMMANDS = {
  create,
  get,
  media,
  'delete-media': deleteMedia,
  delete: deleteSession,
  config,
};

async function main(argv) {
  const [command, ...rest] = argv;
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : null;
  if (!handler) {
    throw new UsageError(`unknown command ${command === undefined ? '(none)' : JSON.stringify(command)}; `
      + `expected one of: ${Object.keys(COMMANDS).join(', ')}`);
  }
  return handler(rest);
}

main(process.argv.slice(2)).then(emit, fail);
