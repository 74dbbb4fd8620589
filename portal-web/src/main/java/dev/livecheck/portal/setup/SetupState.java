package dev.livecheck.portal.setup;

import dev.livecheck.persistence.business.Businesses;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/** Whether the first business exists. Once true it stays true, so only the first requests ask the database. */
@Component
class SetupState {
    private final Businesses businesses;
    private final AtomicBoolean done = new AtomicBoolean();

    SetupState(Businesses businesses) {
        this.businesses = businesses;
    }

    boolean isComplete() {
        if (done.get()) {
            return true;
        }
        boolean any = businesses.count() > 0;
        if (any) {
            done.set(true);
        }
        return any;
    }
}
