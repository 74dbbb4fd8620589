/**
 * The transactional e-mail outbox: e-mails are inserted in the same transaction as what causes them and sent later
 * by a job; rows are claimed with a conditional UPDATE so two portal nodes never send the same e-mail twice at once.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.outbox;
