/** E-mail: rendering a profile's template into an outbox message, the outbox sender job and the outbox page. */
package dev.livecheck.portal.email;
