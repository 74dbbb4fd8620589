package dev.livecheck.persistence.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of a property whose Java name says what it is while the column keeps its published name (e.g.
 * {@code maxAttempts} stored as {@code max_retries}, the API's name). Unlike Spring's {@code @Column}, whose name is
 * quoted as written (and so matches H2's upper-case or PostgreSQL's lower-case folding, never both), the name is
 * rendered like a derived one, in the database's own letter case: see {@link StoredAsNaming}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface StoredAs {

    /** The column name, lower-case snake case as in the migrations. */
    String value();
}
