package dev.livecheck.portal.capture;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.Trigger;

/**
 * Test-only H2 trigger on {@code media}: once armed for a business, the database refuses that business's next
 * FRONTAL_END image insert (the last statement of {@code AttemptRecorder.record}, after the slot update, the attempt
 * row and two images), then disarms. Every other insert passes, so tests sharing the database are unaffected.
 */
public class RefuseImageTrigger implements Trigger {

    static final String CREATE = "CREATE TRIGGER IF NOT EXISTS test_refuse_image BEFORE INSERT ON media "
            + "FOR EACH ROW CALL '" + RefuseImageTrigger.class.getName() + "'";

    private static final AtomicReference<UUID> ARMED_FOR = new AtomicReference<>();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    /** The next FRONTAL_END image of this business is refused; nothing else is. */
    static void armOnce(UUID businessId) {
        ARMED_FOR.set(businessId);
    }

    static void disarm() {
        ARMED_FOR.set(null);
    }

    static int refused() {
        return REFUSED.get();
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // media columns: id, business_id, attempt_id, role, ...
        UUID armed = ARMED_FOR.get();
        if (armed != null && armed.toString().equals(String.valueOf(newRow[1])) && "FRONTAL_END".equals(newRow[3])
                && ARMED_FOR.compareAndSet(armed, null)) {
            REFUSED.incrementAndGet();
            throw new SQLException("test: the database refuses this image", "23000");
        }
    }
}
