/**
 * Small building blocks shared by the feature packages: the insert-only repository fragment, SQL helpers and the rule
 * for e-mail addresses ({@link dev.livecheck.persistence.support.EmailAddresses}).
 */
@NullMarked
package dev.livecheck.persistence.support;

import org.jspecify.annotations.NullMarked;
