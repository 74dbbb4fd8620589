/**
 * The transactional e-mail outbox: e-mails are inserted in the same transaction as what causes them and sent later
 * by a job; rows are claimed with a conditional UPDATE so two portal nodes never send the same e-mail twice at once.
 */
@NullMarked
package dev.livecheck.persistence.outbox;

import org.jspecify.annotations.NullMarked;
