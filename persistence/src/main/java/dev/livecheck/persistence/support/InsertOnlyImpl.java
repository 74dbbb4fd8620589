package dev.livecheck.persistence.support;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** Implementation of {@link InsertOnly}, picked up by Spring Data as a repository fragment. */
public class InsertOnlyImpl<T> implements InsertOnly<T> {
    private final JdbcAggregateOperations template;

    public InsertOnlyImpl(JdbcAggregateOperations template) {
        this.template = template;
    }

    @Override
    public <S extends T> S insert(S entity) {
        return template.insert(entity);
    }
}
