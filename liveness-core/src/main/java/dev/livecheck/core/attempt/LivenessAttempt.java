package dev.livecheck.core.attempt;

import dev.livecheck.core.attempt.AttemptEvidence.Ending;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attempt, fed frame by frame in arrival order. Phases: LOCKING (wait for
 * a usable frontal face held for {@code lockMillis}), then for each challenge
 * in turn WAITING (the face frontal for the challenge's pause, when it has one)
 * and CHALLENGE (back to frontal, then the action held for {@code holdMillis}),
 * ENDING (wait for a final frontal frame), DONE. Time is
 * the frames' own timestamps, so a recording replays exactly as it was
 * captured; {@link #tick} lets a live stream time out when frames stop.
 * Not thread-safe: one caller at a time.
 */
public final class LivenessAttempt {

    private enum Phase { LOCKING, WAITING, CHALLENGE, ENDING, DONE }

    /**
     * How far past its own threshold another action must go to count as a
     * wrong action: a margin over the pass threshold, so a person's natural
     * wobble while starting the asked action is never mistaken for one.
     */
    static final double WRONG_ACTION_PROGRESS = 1.25;

    private final AttemptSettings settings;
    private final List<Challenge> challenges;
    /** Per challenge, how long the face must stay frontal before it is asked (see {@link ChallengePlanner#pauses}). */
    private final List<Long> pausesMillis;
    private final FrameQuality quality;
    private final List<FrameObservation> observations = new ArrayList<>();
    private final List<ChallengeTrace> traces = new ArrayList<>();
    private final KeptImages images = new KeptImages();

    private Phase phase = Phase.LOCKING;
    private long firstTimestamp = -1;
    private int rejectedFrames;
    private int repeatedFrames;
    private long previousImage = ImageFingerprint.NONE;
    private GuidanceCode lastGuidance;

    private int lockRunStart = -1;
    /** The JPEGs of the current lock run, one per observation from {@code lockRunStart}: the reference is one of them. */
    private final List<byte[]> lockRunJpegs = new ArrayList<>();
    /** Reference, challenge peaks: the frames the face-recognition comparison will look at. */
    private final List<IdentityFrame> identityFrames = new ArrayList<>();
    private Baseline baseline;
    private int[] lockIndices;
    private ChallengeMeter meter;

    /** The challenge being asked; null before the lock. */
    private ChallengeInProgress current;
    /** The wait before the next challenge is asked; null before the first wait. */
    private ChallengeWait wait;
    private long endingSince;
    private long endFrontalSince = -1;

    /** An attempt that asks each challenge as soon as the previous step allows: how a recording is replayed. */
    public LivenessAttempt(List<Challenge> challenges, AttemptSettings settings) {
        this(challenges, challenges.stream().map(c -> 0L).toList(), settings);
    }

    /**
     * An attempt that waits, before asking challenge k, until the face has been frontal for {@code pausesMillis[k]}
     * without a break: a live attempt, whose random pauses a recording made for another attempt cannot be timed to.
     */
    public LivenessAttempt(List<Challenge> challenges, List<Long> pausesMillis, AttemptSettings settings) {
        if (pausesMillis.size() != challenges.size()) {
            throw new IllegalArgumentException("one pause per challenge: " + pausesMillis.size() + " for "
                    + challenges.size());
        }
        this.challenges = List.copyOf(challenges);
        this.pausesMillis = List.copyOf(pausesMillis);
        this.settings = settings;
        this.quality = new FrameQuality(settings);
    }

    public List<Challenge> challenges() {
        return challenges;
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    /**
     * The identity frames kept so far (the reference once locked, then each
     * challenge's peak once the challenge is over), so the engine can embed
     * them while it holds an analyzer, rather than all at the decision.
     */
    public List<IdentityFrame> identityFramesSoFar() {
        return List.copyOf(identityFrames);
    }

    /** The landmarks of the main face in observation {@code index}, or null if it had none. */
    public FaceLandmarks landmarksAt(int index) {
        FaceObservation face = observations.get(index).face();
        return face == null ? null : face.landmarks();
    }

    /** A frame that could not be decoded; counted as evidence of a bad stream, otherwise ignored. */
    public void rejectFrame() {
        rejectedFrames++;
    }

    /**
     * Whether this frame's image is byte for byte the one of the frame before. A camera's next image always differs
     * (sensor noise, if nothing else), so the same bytes again are a still picture sent as video: such a frame is
     * counted and must not be analysed, so a client that holds one image until it is asked something never gets
     * that far. (A client that loops a video or re-encodes its image is not caught here.)
     */
    public boolean repeatsThePreviousImage(byte[] jpeg) {
        long fingerprint = ImageFingerprint.of(jpeg);
        boolean repeated = fingerprint == previousImage;
        previousImage = fingerprint;
        if (repeated) {
            repeatedFrames++;
        }
        return repeated;
    }

    /** Feeds one analysed frame with its JPEG bytes (kept only if it becomes one of the three images). */
    public List<AttemptEvent> accept(FrameObservation frame, byte[] jpeg) {
        List<AttemptEvent> events = new ArrayList<>();
        if (phase == Phase.DONE) {
            return events;
        }
        if (firstTimestamp < 0) {
            firstTimestamp = frame.timestampMillis();
        }
        observations.add(frame);
        int index = observations.size() - 1;
        Optional<GuidanceCode> problem = quality.problem(frame);
        guide(problem.orElse(null), events);
        switch (phase) {
            case LOCKING -> lock(index, problem.isEmpty(), jpeg, events);
            case WAITING -> waiting(index, events);
            case CHALLENGE -> challenge(index, jpeg, events);
            case ENDING -> ending(index, jpeg, events);
            default -> { }
        }
        if (phase != Phase.DONE) {
            tick(frame.timestampMillis(), events);
        }
        return events;
    }

    /** Checks the timeouts against a clock reading (live streams call this when frames stop coming). */
    public List<AttemptEvent> tick(long nowMillis) {
        List<AttemptEvent> events = new ArrayList<>();
        if (phase != Phase.DONE && firstTimestamp >= 0) {
            tick(nowMillis, events);
        }
        return events;
    }

    /** Ends the attempt because no more frames will come (a recording ran out). */
    public List<AttemptEvent> finish() {
        List<AttemptEvent> events = new ArrayList<>();
        if (phase != Phase.DONE) {
            complete(phase == Phase.ENDING ? Ending.COMPLETED : phase == Phase.LOCKING ? Ending.NO_LOCK
                    : Ending.FRAMES_ENDED, events);
        }
        return events;
    }

    private void tick(long now, List<AttemptEvent> events) {
        switch (phase) {
            case LOCKING -> {
                if (now - firstTimestamp > settings.lockTimeoutMillis()) {
                    complete(Ending.NO_LOCK, events);
                }
            }
            case WAITING -> {
                // a face that never settles is not asked forever: the wait has the timeout a challenge has
                if (now - wait.since() > settings.challengeTimeoutMillis()) {
                    complete(Ending.CHALLENGE_TIMEOUT, events);
                }
            }
            case CHALLENGE -> {
                if (now - current.issuedAt() > settings.challengeTimeoutMillis()) {
                    complete(Ending.CHALLENGE_TIMEOUT, events);
                }
            }
            case ENDING -> {
                if (now - endingSince > settings.endTimeoutMillis()) {
                    complete(Ending.COMPLETED, events);
                }
            }
            default -> { }
        }
    }

    private void guide(GuidanceCode code, List<AttemptEvent> events) {
        if (code != null && code != lastGuidance) {
            events.add(new AttemptEvent.Guidance(code));
        }
        lastGuidance = code;
    }

    private void lock(int index, boolean usable, byte[] jpeg, List<AttemptEvent> events) {
        FrameObservation frame = observations.get(index);
        boolean frontal = usable && Math.abs(frame.face().pose().yaw()) <= settings.lockYawDegrees();
        if (!frontal) {
            if (usable && lastGuidance == null) {
                guide(GuidanceCode.HOLD_STILL, events);
            }
            lockRunStart = -1;
            lockRunJpegs.clear();
            return;
        }
        if (lockRunStart < 0 || !steady(lockRunStart, index)) {
            lockRunStart = index;
            lockRunJpegs.clear();
        }
        lockRunJpegs.add(jpeg);
        images.offerStart(index, frame, jpeg);
        long held = frame.timestampMillis() - observations.get(lockRunStart).timestampMillis();
        if (held >= settings.lockMillis() && index - lockRunStart >= 2) {
            baseline = Baseline.of(observations.subList(lockRunStart, index + 1), lockRunStart);
            lockIndices = new int[] {lockRunStart, index};
            int reference = baseline.referenceIndex();
            identityFrames.add(new IdentityFrame(IdentityFrame.Role.REFERENCE, 0, reference,
                    lockRunJpegs.get(reference - lockRunStart), null));
            lockRunJpegs.clear();
            meter = new ChallengeMeter(settings, baseline);
            if (challenges.isEmpty()) {
                // nothing to ask (a recording without challenges): straight to the end, the judge will reject
                phase = Phase.ENDING;
                endingSince = frame.timestampMillis();
            } else {
                ask(0, frame.timestampMillis(), true, events);
            }
        }
    }

    /** The face has not jumped or turned much since the run began: a steady, frontal start. */
    private boolean steady(int from, int to) {
        FaceObservation first = observations.get(from).face();
        FaceObservation last = observations.get(to).face();
        double moved = Math.hypot(last.landmarks().x(1) - first.landmarks().x(1),
                last.landmarks().y(1) - first.landmarks().y(1));
        return moved < first.landmarks().interocular()
                && Math.abs(last.pose().yaw() - first.pose().yaw()) < settings.frontalYawDegrees();
    }

    /**
     * Asks step {@code next} at once if it has no pause; otherwise waits until the face has been frontal for the pause
     * ({@code frontalNow}: it is, at the lock). Movement during the wait restarts it, so a replay whose recorded
     * actions come at the pace of another attempt performs them while nothing is asked.
     */
    private void ask(int next, long now, boolean frontalNow, List<AttemptEvent> events) {
        if (pausesMillis.get(next) <= 0) {
            issue(next, now, events);
            return;
        }
        phase = Phase.WAITING;
        wait = new ChallengeWait(next, pausesMillis.get(next), now, frontalNow);
    }

    /**
     * A clear action while nothing is asked ends the attempt as {@link Ending#WRONG_ACTION}, by the rule and margin of
     * {@link #wrongAction}: a person does not act before being asked, a recording made for another attempt does.
     * Judged only once the face is back from the previous challenge (a turn lifts the chin on its way back too).
     * Smaller movements only restart the wait.
     */
    private void waiting(int index, List<AttemptEvent> events) {
        FaceObservation face = observations.get(index).face();
        long now = observations.get(index).timestampMillis();
        boolean frontal = face != null && meter.frontal(face);
        Challenge early = face != null && wait.backAfter(frontal)
                ? clearOtherAction(null, previousOf(wait.step()), face) : null;
        if (wait.unaskedActionFor(early, now, settings.wrongActionMillis())) {
            traces.add(new ChallengeTrace(challenges.get(wait.step()), wait.step() + 1, -1, -1, 0, -1, early));
            complete(Ending.WRONG_ACTION, events);
        } else if (wait.dueAt(frontal, now)) {
            issue(wait.step(), now, events);
            current.cameBackToFrontal(true);
        }
    }

    private void issue(int next, long now, List<AttemptEvent> events) {
        phase = Phase.CHALLENGE;
        current = new ChallengeInProgress(next, challenges.get(next), now);
        events.add(new AttemptEvent.ChallengeIssued(next + 1, challenges.size(), challenges.get(next)));
    }

    /**
     * Progress is measured on any frame with a main face: a passing second
     * face or a moment off-centre must not break a hold (the quality check
     * judges those over the whole attempt). Only a frame without a face does.
     */
    private void challenge(int index, byte[] jpeg, List<AttemptEvent> events) {
        if (observations.get(index).face() == null) {
            current.breakHold();
            return;
        }
        FrameObservation frame = observations.get(index);
        FaceObservation face = frame.face();
        long now = frame.timestampMillis();
        if (!current.backToFrontal()) {
            current.cameBackToFrontal(meter.frontal(face));
            return;
        }
        Challenge asked = current.asked();
        double progress = meter.progress(asked, face);
        current.offer(index, progress, jpeg);
        images.offerChallenge(index, frame, jpeg, progress);
        if (wrongAction(asked, face, progress, now)) {
            traces.add(trace(-1));
            complete(Ending.WRONG_ACTION, events);
            return;
        }
        // a hold counts only while the asked movement is the main one (a turn's side effect is no nod)
        if (progress < 1 || !meter.dominant(asked, face)) {
            current.breakHold();
            return;
        }
        if (current.heldAt(now, settings.holdMillis())) {
            int step = current.step();
            traces.add(trace(now));
            events.add(new AttemptEvent.ChallengePassed(step + 1));
            if (step + 1 < challenges.size()) {
                ask(step + 1, now, false, events);
            } else {
                phase = Phase.ENDING;
                endingSince = now;
            }
        }
    }

    /**
     * Another challenge's action performed clearly ({@link
     * #WRONG_ACTION_PROGRESS}) for {@code wrongActionMillis} (two or three
     * frames), while the asked one has barely started. A person
     * who was asked for one thing does not do another; a replay recorded for
     * another order does exactly that.
     */
    private boolean wrongAction(Challenge asked, FaceObservation face, double askedProgress, long now) {
        Challenge strongest = clearOtherAction(asked, previousOf(current.step()), face);
        // once the asked action is well under way, another one's reading is a side effect of it
        return current.wrongActionFor(askedProgress > 0.5 ? null : strongest, now, settings.wrongActionMillis());
    }

    /** The challenge before step {@code step}, or null for the first. */
    private Challenge previousOf(int step) {
        return step > 0 ? challenges.get(step - 1) : null;
    }

    /**
     * The action performed most clearly ({@link #WRONG_ACTION_PROGRESS} or more), other than {@code asked} (null
     * while nothing is asked) and {@code previous}; null if none.
     */
    private Challenge clearOtherAction(Challenge asked, Challenge previous, FaceObservation face) {
        Challenge strongest = null;
        double best = WRONG_ACTION_PROGRESS;
        for (Challenge other : Challenge.values()) {
            double p = meter.progress(other, face);
            // the previous action may linger (nobody steps back exactly after MOVE_CLOSER);
            // distance is only read reliably from a roughly frontal face (a nod changes it)
            boolean readable = other != Challenge.MOVE_CLOSER || meter.frontal(face);
            if (other != asked && other != previous && readable && p >= best) {
                best = p;
                strongest = other;
            }
        }
        return strongest;
    }

    /** Ends the current challenge: its peak becomes an identity frame, its trace part of the evidence. */
    private ChallengeTrace trace(long passedAt) {
        IdentityFrame peak = current.peakFrame();
        if (peak != null) {
            identityFrames.add(peak);
        }
        return current.trace(passedAt);
    }

    /**
     * The face must come back to frontal and stay there for {@code
     * holdMillis}: the last image is a steady frontal view, and the identity
     * check gets several frames of whoever is in front of the camera at the end.
     */
    private void ending(int index, byte[] jpeg, List<AttemptEvent> events) {
        FrameObservation frame = observations.get(index);
        if (frame.face() == null || !meter.frontal(frame.face())) {
            endFrontalSince = -1;
            return;
        }
        if (endFrontalSince < 0) {
            endFrontalSince = frame.timestampMillis();
        }
        images.offerEnd(index, frame, jpeg);
        if (frame.timestampMillis() - endFrontalSince >= settings.holdMillis()) {
            complete(Ending.COMPLETED, events);
        }
    }

    private void complete(Ending ending, List<AttemptEvent> events) {
        if (phase == Phase.CHALLENGE && ending != Ending.WRONG_ACTION) {
            traces.add(trace(-1));
        }
        for (int s = traces.size(); s < challenges.size(); s++) {
            traces.add(new ChallengeTrace(challenges.get(s), s + 1, -1, -1, 0, -1, null));
        }
        if (images.endIndex() < 0) {
            images.fallbackEnd();
        }
        phase = Phase.DONE;
        events.add(new AttemptEvent.Completed(new AttemptEvidence(ending, challenges, observations, rejectedFrames,
                repeatedFrames, baseline, lockIndices, traces, images.endIndex(), images.list(),
                identityFramesToCompare())));
    }

    /**
     * The reference, then the sharpest start frame (if another), each
     * challenge's strongest frame and the final frame: every kept image and
     * every performed action must show the person who locked on.
     */
    private List<IdentityFrame> identityFramesToCompare() {
        if (baseline == null) {
            return List.of();
        }
        List<IdentityFrame> list = new ArrayList<>(identityFrames);
        int referenceIndex = baseline.referenceIndex();
        if (images.startIndex >= 0 && images.startIndex != referenceIndex) {
            list.add(1, new IdentityFrame(IdentityFrame.Role.START, 0, images.startIndex, images.start.jpeg(), null));
        }
        int end = images.endIndex() >= 0 ? images.endIndex() : images.lastFaceIndex;
        if (end > referenceIndex && images.end != null) {
            list.add(new IdentityFrame(IdentityFrame.Role.END, 0, end, images.end.jpeg(), null));
        }
        return list;
    }

    /**
     * The three images: the sharpest frame of the frontal lock, the frame
     * with the strongest challenge progress, and the final frontal frame.
     * Only these JPEGs are kept, so memory does not grow with the attempt.
     */
    private static final class KeptImages {
        private AttemptImage start;
        private int startIndex = -1;
        private double startSharpness = -1;
        private AttemptImage challenge;
        private double challengeProgress = Double.NEGATIVE_INFINITY;
        private AttemptImage end;
        private int endIndex = -1;
        private byte[] lastFaceJpeg;
        private long lastFaceTime;
        private int lastFaceIndex = -1;

        void offerStart(int index, FrameObservation frame, byte[] jpeg) {
            remember(index, frame, jpeg);
            if (frame.face().sharpness() > startSharpness) {
                startSharpness = frame.face().sharpness();
                startIndex = index;
                start = new AttemptImage(AttemptImage.Role.FRONTAL_START, frame.timestampMillis(), jpeg);
            }
        }

        void offerChallenge(int index, FrameObservation frame, byte[] jpeg, double progress) {
            remember(index, frame, jpeg);
            if (progress > challengeProgress) {
                challengeProgress = progress;
                challenge = new AttemptImage(AttemptImage.Role.CHALLENGE, frame.timestampMillis(), jpeg);
            }
        }

        void offerEnd(int index, FrameObservation frame, byte[] jpeg) {
            end = new AttemptImage(AttemptImage.Role.FRONTAL_END, frame.timestampMillis(), jpeg);
            endIndex = index;
        }

        private void remember(int index, FrameObservation frame, byte[] jpeg) {
            lastFaceIndex = index;
            lastFaceJpeg = jpeg;
            lastFaceTime = frame.timestampMillis();
        }

        void fallbackEnd() {
            if (lastFaceJpeg != null) {
                end = new AttemptImage(AttemptImage.Role.FRONTAL_END, lastFaceTime, lastFaceJpeg);
            }
        }

        int endIndex() {
            return endIndex;
        }

        List<AttemptImage> list() {
            List<AttemptImage> list = new ArrayList<>(3);
            if (start != null) {
                list.add(start);
            }
            if (challenge != null) {
                list.add(challenge);
            }
            if (end != null) {
                list.add(end);
            }
            return list;
        }
    }
}
