package dev.livecheck.portal.security;

import dev.livecheck.persistence.users.PortalUsers;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a portal user by login e-mail for the form login. */
@Service
class PortalUserDetailsService implements UserDetailsService {
    private final PortalUsers users;
    private final Clock clock;

    PortalUserDetailsService(PortalUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByLoginEmail(email.strip())
                .map(user -> PortalPrincipal.of(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no portal user with this e-mail"));
    }
}
