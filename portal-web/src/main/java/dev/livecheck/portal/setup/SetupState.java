package dev.livecheck.portal.setup;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the first business exists. Once true it stays true, so only the first requests ask the database. */
@Component
class SetupState {
    private final JdbcClient jdbc;
    private final AtomicBoolean done = new AtomicBoolean();

    SetupState(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    boolean isComplete() {
        if (done.get()) {
            return true;
        }
        // Counting every tenant is global by nature: it asks "is there any business at all?".
        boolean any = jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single() > 0;
        if (any) {
            done.set(true);
        }
        return any;
    }
}
