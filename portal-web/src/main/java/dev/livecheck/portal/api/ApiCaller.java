package dev.livecheck.portal.api;

import dev.livecheck.persistence.applications.ApiApplication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/** The application whose signature a request carried; its business is the only tenant the request can reach. */
record ApiCaller(UUID applicationId, UUID businessId, UUID profileId) {

    static final String ATTRIBUTE = ApiCaller.class.getName();

    static ApiCaller of(ApiApplication application) {
        return new ApiCaller(application.id(), application.businessId(), application.profileId());
    }

    /** Set by {@link ApiAuthenticationFilter} before any controller of this package runs. */
    static ApiCaller from(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (!(caller instanceof ApiCaller apiCaller)) {
            throw new IllegalStateException("API request without an authenticated caller");
        }
        return apiCaller;
    }
}
