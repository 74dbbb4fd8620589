package dev.livecheck.persistence.business;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The businesses (tenants). */
public interface Businesses extends Repository<Business, UUID>, InsertOnly<Business> {

    /** GLOBAL by nature: loads the business of the authenticated principal (its id is the tenant id itself). */
    Optional<Business> findById(UUID id);

    /** GLOBAL by nature: how many tenants exist (first-run setup only asks whether there is any). */
    long count();
}
