/**
 * The notification outbox: deliveries of {@code {"session_id","topic"}} to an API application's endpoint, inserted in
 * the same transaction as the change that causes them and sent later by a job that claims each row with a conditional
 * UPDATE (so two portal nodes never send the same delivery at once), plus the log of every try.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.notifications;
