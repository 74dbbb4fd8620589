/** Verification sessions: create one for a recipient (token, e-mail in the outbox, audit in one transaction), list, resend, cancel and view. */
package dev.livecheck.portal.sessions;
