package dev.livecheck.portal.web;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who a session is for, when it has no recipient: the API application that created it. Templates show
 * {@code #{session.createdByApi(${@apiApps.name(s)})}} where a portal session shows the recipient
 * ({@code ${s.createdByApi()}} tells which); exports take {@link #namesOf} once.
 */
@Component("apiApps")
public class ApiApplicationNames {
    private final ApiApplications applications;

    public ApiApplicationNames(ApiApplications applications) {
        this.applications = applications;
    }

    /** The creating application's name; null for a portal session. */
    public @Nullable String name(VerificationSession session) {
        if (!session.createdByApi()) {
            return null;
        }
        return applications.findByBusinessIdAndId(session.businessId(), session.apiApplicationId())
                .map(ApiApplication::name).orElse(session.apiApplicationId().toString());
    }

    /** Application id → name, for the business's applications (revoked ones too: their sessions remain). */
    public Map<UUID, String> namesOf(UUID businessId) {
        return applications.findAllByBusinessIdOrderByCreatedAtDesc(businessId).stream()
                .collect(Collectors.toMap(ApiApplication::id, ApiApplication::name));
    }
}
