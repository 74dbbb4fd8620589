package dev.livecheck.persistence.support;

/**
 * Repository fragment that inserts a new aggregate (never updates). The entity carries its own business id and a
 * fresh UUID; an id that already exists fails with a key violation instead of overwriting a row, so this method
 * cannot reach into another tenant. Updates are explicit, business-scoped SQL in each repository.
 */
public interface InsertOnly<T> {
    <S extends T> S insert(S entity);
}
