/** Portal users: the people of a business who sign in (login by e-mail), their role and login-lockout state. */
package dev.livecheck.persistence.users;
