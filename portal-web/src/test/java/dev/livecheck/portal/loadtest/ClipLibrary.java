package dev.livecheck.portal.loadtest;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.testkit.LivePerformer;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pre-rendered footage for the load test's users, so that the client costs next to nothing while they run (a live
 * frame costs about 20 ms of CPU; see docs/performance.md, "What the client costs"). For each of K identities (a
 * {@link LivePerformer} drawn from the user seed of index k) it renders, once, at {@value #FPS} fps with camera effects
 * and JPEG encoding baked in: two rest clips of {@value #REST_PORTION_MILLIS} ms (frontal with sway, out and back,
 * one forward and one backward in sway time) and one clip per {@link Challenge} from rest to rest with the test kit's
 * ramp and hold timings. Every clip starts and ends in the same state, so a {@link Player} chains them as the
 * challenges arrive. Frames are held as read-only buffers shared by every user of an identity.
 */
public final class ClipLibrary {

    /** The rate the clips are rendered at; a user told a lower rate plays them subsampled by time. */
    static final double FPS = 15;
    /**
     * The length of a rest clip. A challenge asked during rest starts when the rest clip in progress ends: a
     * reaction time of 0.3 s on average, about a person's. A whole number of frames at 15 and at 10 fps.
     */
    static final long REST_PORTION_MILLIS = 600;

    /** One clip's frames, ready to send. */
    record Reel(Challenge challenge, double fps, long durationMillis, ByteBuffer[] frames) {

        static Reel of(LivePerformer.Clip clip) {
            ByteBuffer[] frames = clip.frames().stream().map(jpeg -> ByteBuffer.wrap(jpeg).asReadOnlyBuffer())
                    .toArray(ByteBuffer[]::new);
            return new Reel(clip.challenge(), clip.fps(), clip.durationMillis(), frames);
        }

        /** The frame whose time is nearest {@code elapsedMillis} from the clip's start. */
        ByteBuffer frameAt(long elapsedMillis) {
            int i = (int) Math.round(Math.max(0, elapsedMillis) * fps / 1000);
            return frames[Math.min(frames.length - 1, i)];
        }
    }

    /** One person's clips. */
    record Identity(String face, List<Reel> rests, Map<Challenge, Reel> challenges) {
    }

    private final List<Identity> identities;
    private final long renderMillis;

    ClipLibrary(List<Identity> identities, long renderMillis) {
        this.identities = List.copyOf(identities);
        this.renderMillis = renderMillis;
    }

    /**
     * Renders {@code count} identities in parallel on all cores: the performers of the user seeds
     * {@link LiveCaptureLoad#personSeed}{@code (seed, k)}, k = 0, 1, ..., skipping a seed whose face photo an earlier
     * identity already wears while the test kit has faces left (two seeds can draw the same photo).
     */
    public static ClipLibrary render(long seed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one identity");
        }
        long t0 = System.nanoTime();
        List<Identity> identities = distinctFaces(seed, count).parallelStream().map(ClipLibrary::identity).toList();
        return new ClipLibrary(identities, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The first {@code count} user seeds with different faces, or with repeats once every face is taken. */
    private static List<Long> distinctFaces(long seed, int count) {
        List<Long> seeds = new java.util.ArrayList<>();
        java.util.Set<String> faces = new java.util.HashSet<>();
        int faceCount = dev.livecheck.core.testkit.FaceLibrary.shared().faces().size();
        for (int k = 0; seeds.size() < count; k++) {
            long candidate = LiveCaptureLoad.personSeed(seed, k);
            try (LivePerformer person = new LivePerformer(candidate)) {
                if (faces.add(person.face()) || faces.size() >= faceCount || k >= 20 * count) {
                    seeds.add(candidate);
                }
            }
        }
        return seeds;
    }

    private static Identity identity(long seed) {
        try (LivePerformer person = new LivePerformer(seed)) {
            List<Reel> rests = List.of(Reel.of(person.restClip(REST_PORTION_MILLIS, FPS, false)),
                    Reel.of(person.restClip(REST_PORTION_MILLIS, FPS, true)));
            Map<Challenge, Reel> challenges = new EnumMap<>(Challenge.class);
            for (Challenge c : Challenge.values()) {
                challenges.put(c, Reel.of(person.challengeClip(c, FPS)));
            }
            return new Identity(person.face(), rests, challenges);
        }
    }

    public int identities() {
        return identities.size();
    }

    /** The camera of user {@code userIndex}: identities are handed out round-robin. */
    public Player player(int userIndex) {
        return new Player(identities.get(Math.floorMod(userIndex, identities.size())));
    }

    /**
     * The camera of an attacker with user {@code userIndex}'s identity replaying a recording of {@code order} (see
     * {@link RecordedReplay}).
     */
    public CameraFeed recordedReplay(int userIndex, List<Challenge> order) {
        return new RecordedReplay(identities.get(Math.floorMod(userIndex, identities.size())), order);
    }

    /**
     * The camera of an attacker with user {@code userIndex}'s identity holding the first image of a recording of
     * {@code order} until it is asked something (see {@link HeldReplay}).
     */
    public CameraFeed heldReplay(int userIndex, List<Challenge> order) {
        return new HeldReplay(new RecordedReplay(identities.get(Math.floorMod(userIndex, identities.size())), order));
    }

    public long frames() {
        return reels().mapToLong(r -> r.frames().length).sum();
    }

    public long bytes() {
        return reels().flatMap(r -> java.util.Arrays.stream(r.frames())).mapToLong(ByteBuffer::remaining).sum();
    }

    private java.util.stream.Stream<Reel> reels() {
        return identities.stream().flatMap(i -> java.util.stream.Stream.concat(i.rests().stream(),
                i.challenges().values().stream()));
    }

    /** One line for the run's output: what was rendered, how large, how long it took. */
    public String summary() {
        long clips = reels().count();
        return String.format(Locale.ROOT, "clip library: %d identities (%s), %d clips, %d frames at %.0f fps, "
                        + "%.1f MB of JPEG, rendered in %.1f s before the users start (%.1f ms of wall time a frame, %d cores)",
                identities.size(), String.join(", ", identities.stream().map(Identity::face).toList()), clips, frames(),
                FPS, bytes() / 1e6, renderMillis / 1e3, frames() == 0 ? 0 : (double) renderMillis / frames(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * One user's camera playing an identity's clips by time: it keeps the start of the clip in progress on the
     * caller's clock and shows the frame nearest the time elapsed in it, so frames asked for at any rate (the
     * server's {@code rate}) sample the clip evenly. At a clip's end it chains the challenge pending, if any (again,
     * counted as a repeat, when it is the one just performed and no new challenge was asked meanwhile), else the next
     * rest clip. Nothing is rendered, encoded or copied per frame: a frame is a view of a shared buffer.
     */
    public static final class Player implements CameraFeed {
        /** After a longer pause (between attempts) the player starts over at rest instead of replaying the gap. */
        private static final long MAX_CATCH_UP_MILLIS = 3_000;

        private final Identity identity;
        private volatile int asked;
        private volatile int repeats;
        private Reel current;
        private long currentStart;
        private int askedAtStart;
        private int restIndex;

        Player(Identity identity) {
            this.identity = identity;
        }

        @Override
        public String face() {
            return identity.face();
        }

        @Override
        public void challengeAsked(Challenge action, long nowMillis) {
            asked++; // only the listener thread writes it
        }

        @Override
        public ByteBuffer frame(long nowMillis, Challenge pending) {
            if (current == null || nowMillis - currentStart > current.durationMillis() + MAX_CATCH_UP_MILLIS) {
                start(nextRest(), nowMillis);
            }
            while (nowMillis - currentStart >= current.durationMillis()) {
                long end = currentStart + current.durationMillis();
                Challenge finished = current.challenge();
                if (pending != null) {
                    if (pending == finished && asked == askedAtStart) {
                        repeats++;
                    }
                    start(identity.challenges().get(pending), end);
                } else {
                    start(nextRest(), end);
                }
            }
            return current.frameAt(nowMillis - currentStart).duplicate();
        }

        /** What the player shows now: the clip in progress (for tests). */
        Reel current() {
            return current;
        }

        private void start(Reel reel, long atMillis) {
            current = reel;
            currentStart = atMillis;
            askedAtStart = asked;
        }

        private Reel nextRest() {
            List<Reel> rests = identity.rests();
            return rests.get(restIndex++ % rests.size());
        }

        @Override
        public int repeats() {
            return repeats;
        }

        @Override
        public void close() {
            // the clips belong to the library
        }
    }

    /**
     * A recording of one attempt that answered {@code order}, played straight through at the pace it was recorded, as a
     * virtual camera plays a video file: frontal for {@code 2 x} {@value #REST_PORTION_MILLIS} ms (the recording
     * format's bona fide person is frontal for about a second), then each action of the order followed by one rest
     * clip; after its end the camera stays at rest (a recording that ran out: no action comes again). What the server
     * asks changes nothing; each attempt ({@code start} after frames stopped for {@value #NEW_ATTEMPT_GAP_MILLIS} ms)
     * starts the recording from its first frame. To a server that asks at once this answers in time whenever it is
     * asked its order; issue 9's re-roll attacker.
     */
    static final class RecordedReplay implements CameraFeed {
        static final long NEW_ATTEMPT_GAP_MILLIS = 1_000;

        private final Identity identity;
        private final List<Reel> reels;
        private int index;
        private long reelStart;
        private long lastFrameAt = Long.MIN_VALUE;
        private boolean ended;

        RecordedReplay(Identity identity, List<Challenge> order) {
            this.identity = identity;
            List<Reel> schedule = new java.util.ArrayList<>(identity.rests());
            for (Challenge c : order) {
                schedule.add(identity.challenges().get(c));
                schedule.add(identity.rests().get(0));
            }
            this.reels = List.copyOf(schedule);
        }

        @Override
        public String face() {
            return identity.face();
        }

        @Override
        public void challengeAsked(Challenge action, long nowMillis) {
            // a recording does not listen
        }

        @Override
        public ByteBuffer frame(long nowMillis, Challenge pending) {
            if (lastFrameAt == Long.MIN_VALUE || nowMillis - lastFrameAt > NEW_ATTEMPT_GAP_MILLIS) {
                index = 0;
                ended = false;
                reelStart = nowMillis;
            }
            lastFrameAt = nowMillis;
            while (nowMillis - reelStart >= reels.get(index).durationMillis()) {
                reelStart += reels.get(index).durationMillis();
                ended |= index == reels.size() - 1;
                // past the recording's end the two rest clips (its first two reels) alternate
                index = ended ? (reels.get(index) == reels.get(0) ? 1 : 0) : index + 1;
            }
            return reels.get(index).frameAt(nowMillis - reelStart).duplicate();
        }

        /** The recording's first image, whatever is playing now. */
        ByteBuffer firstImage() {
            return reels.get(0).frameAt(0).duplicate();
        }

        /** The challenge whose clip is playing now, or null at rest (for tests). */
        Challenge playing() {
            return reels.get(index).challenge();
        }

        @Override
        public int repeats() {
            return 0;
        }

        @Override
        public void close() {
            // the clips belong to the library
        }
    }

    /**
     * A {@link RecordedReplay} that waits: until the server asks its first challenge it sends the recording's first
     * image again and again, byte for byte (a still picture offered as video), then plays the recording from its start
     * at the pace it was recorded, so that each action comes about a second after it is asked. After a frame gap of
     * {@value RecordedReplay#NEW_ATTEMPT_GAP_MILLIS} ms (a new attempt) it holds again.
     */
    static final class HeldReplay implements CameraFeed {
        private final RecordedReplay recording;
        private final ByteBuffer firstImage;
        private volatile boolean held = true;
        private long lastFrameAt = Long.MIN_VALUE;

        HeldReplay(RecordedReplay recording) {
            this.recording = recording;
            this.firstImage = recording.firstImage();
        }

        @Override
        public String face() {
            return recording.face();
        }

        @Override
        public void challengeAsked(Challenge action, long nowMillis) {
            held = false;
        }

        @Override
        public ByteBuffer frame(long nowMillis, Challenge pending) {
            if (lastFrameAt != Long.MIN_VALUE && nowMillis - lastFrameAt > RecordedReplay.NEW_ATTEMPT_GAP_MILLIS) {
                held = true;
            }
            lastFrameAt = nowMillis;
            return held ? firstImage.duplicate() : recording.frame(nowMillis, pending);
        }

        /** Whether it is still holding its first image (for tests). */
        boolean holding() {
            return held;
        }

        @Override
        public int repeats() {
            return 0;
        }

        @Override
        public void close() {
            recording.close();
        }
    }
}
