package dev.livecheck.portal.users;

import dev.livecheck.portal.web.NewPasswordFields;

/** A new password an OWNER sets for a user (the reset form). */
class PasswordForm extends NewPasswordFields {
}
