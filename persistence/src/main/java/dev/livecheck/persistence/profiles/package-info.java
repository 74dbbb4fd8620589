/** Check profiles: a business's configuration of a liveness check (retries, challenges, link lifetime, retention, branding, e-mail). */
@NullMarked
package dev.livecheck.persistence.profiles;

import org.jspecify.annotations.NullMarked;
