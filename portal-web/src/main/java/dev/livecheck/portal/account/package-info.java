/** The signed-in user's own account: changing one's password (also the step a password set by an owner requires) and, with the second factor, setting up TOTP and recovery codes. */
package dev.livecheck.portal.account;
