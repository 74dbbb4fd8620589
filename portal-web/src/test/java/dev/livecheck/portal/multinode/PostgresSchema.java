package dev.livecheck.portal.multinode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh schema {@code lc_it_<random>} in the PostgreSQL database given by {@code livecheck.test.postgres.url} /
 * {@code .user} / {@code .password} (default 127.0.0.1:5432/test, user postgres, as in the persistence module's
 * tests). {@link #close()} drops it; a shutdown hook drops it too if the run is cut short.
 */
final class PostgresSchema implements AutoCloseable {
    private static final String SERVER_URL = System.getProperty("livecheck.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("livecheck.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("livecheck.test.postgres.password", "");

    private final String name;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread dropOnExit;

    PostgresSchema() {
        name = "lc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + name);
        dropOnExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    String name() {
        return name;
    }

    /** The JDBC URL every node uses: the server's database with {@code currentSchema} set to this schema. */
    String url() {
        return SERVER_URL + (SERVER_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway; drop() is idempotent.
        }
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + ": " + sql + " failed", e);
        }
    }
}
