package dev.livecheck.portal.audit;

import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows "who" as the user's e-mail instead of the user id stored in the event. */
@Component
class AuditActors {
    private final PortalUsers users;

    AuditActors(PortalUsers users) {
        this.users = users;
    }

    /** User id (as stored in {@code actor}) → e-mail, for the business's users. */
    Map<String, String> namesOf(UUID businessId) {
        return users.findAllByBusinessIdOrderByEmail(businessId).stream()
                .collect(Collectors.toMap(u -> u.id().toString(), PortalUser::email));
    }
}
