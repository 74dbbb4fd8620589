package dev.livecheck.persistence.support;

import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/** Spring Data JDBC's snake-case naming, except for properties marked {@link StoredAs}. */
public final class StoredAsNaming implements NamingStrategy {

    @Override
    public String getColumnName(RelationalPersistentProperty property) {
        StoredAs storedAs = property.findAnnotation(StoredAs.class);
        return storedAs != null ? storedAs.value() : NamingStrategy.super.getColumnName(property);
    }
}
