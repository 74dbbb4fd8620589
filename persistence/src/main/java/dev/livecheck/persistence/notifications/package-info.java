/**
 * The notification outbox: deliveries of {@code {"session_id","topic"}} to an API application's endpoint, inserted in
 * the same transaction as the change that causes them and sent later by a job that claims each row with a conditional
 * UPDATE (so two portal nodes never send the same delivery at once), plus the log of every try.
 */
@NullMarked
package dev.livecheck.persistence.notifications;

import org.jspecify.annotations.NullMarked;
