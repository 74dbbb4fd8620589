package dev.livecheck.portal.audit;

import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.portal.web.ApiApplicationNames;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows "who" as the user's e-mail, or the API application's name, instead of the id stored in the event. */
@Component
class AuditActors {
    private final PortalUsers users;
    private final ApiApplicationNames applications;

    AuditActors(PortalUsers users, ApiApplicationNames applications) {
        this.users = users;
        this.applications = applications;
    }

    /** User id (as stored in {@code actor}) → e-mail, for the business's users. */
    Map<String, String> namesOf(UUID businessId) {
        return users.findAllByBusinessIdOrderByEmail(businessId).stream()
                .collect(Collectors.toMap(u -> u.id().toString(), PortalUser::email));
    }

    /** Application actor ({@link AuditEvent#applicationActor}) → the application's name. */
    Map<String, String> applicationsOf(UUID businessId) {
        return applications.namesOf(businessId).entrySet().stream()
                .collect(Collectors.toMap(e -> AuditEvent.applicationActor(e.getKey()), Map.Entry::getValue));
    }
}
