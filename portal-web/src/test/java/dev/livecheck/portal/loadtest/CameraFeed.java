package dev.livecheck.portal.loadtest;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.testkit.LivePerformer;
import java.nio.ByteBuffer;

/**
 * What one simulated user's camera shows: a person who performs the challenges the server asks. Either rendered
 * frame by frame ({@link #rendered}, about 20 ms of CPU a frame) or played from pre-rendered clips
 * ({@link ClipLibrary#player}, nothing rendered or encoded while users run). Times are milliseconds on the caller's
 * clock. {@link #challengeAsked} is called from the socket's listener, {@link #frame} from the pacer (one call at a
 * time per feed).
 */
public interface CameraFeed extends AutoCloseable {

    /** The face photo the person wears. */
    String face();

    /** The server asked {@code action} at {@code nowMillis}. */
    void challengeAsked(Challenge action, long nowMillis);

    /**
     * The JPEG the camera shows at {@code nowMillis}, ready to send (its own position and limit, the caller may
     * consume it). {@code pending} is the challenge asked and not yet confirmed passed, or null: like a person still
     * reading the instruction, the feed performs it again once back at rest.
     */
    ByteBuffer frame(long nowMillis, Challenge pending);

    /** Challenges performed again because the server had not confirmed them by the time the move was done. */
    int repeats();

    @Override
    void close();

    /** A {@link LivePerformer} drawn from {@code seed}, each frame rendered when it is asked for. */
    static CameraFeed rendered(long seed) {
        LivePerformer person = new LivePerformer(seed);
        return new CameraFeed() {
            private volatile int repeats;

            @Override
            public String face() {
                return person.face();
            }

            @Override
            public void challengeAsked(Challenge action, long nowMillis) {
                person.perform(action, nowMillis);
            }

            @Override
            public ByteBuffer frame(long nowMillis, Challenge pending) {
                if (pending != null && !person.busy(nowMillis)) {
                    person.perform(pending, nowMillis);
                    repeats++;
                }
                return ByteBuffer.wrap(person.frame(nowMillis));
            }

            @Override
            public int repeats() {
                return repeats;
            }

            @Override
            public void close() {
                person.close();
            }
        };
    }
}
