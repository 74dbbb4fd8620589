/** Check profiles: a business's configuration of a liveness check (retries, challenges, link lifetime, retention, branding, e-mail). */
package dev.livecheck.persistence.profiles;
