package dev.livecheck.portal.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An absolute http or https URL with a host; blank counts as "not given". Other schemes (javascript:, data:, ...)
 * are refused because these URLs end up as redirect targets for recipients.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
public @interface HttpUrl {
    String message() default "{HttpUrl}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isHttpUrl(value);
        }

        /** The rule itself, for input that is not a bean (the session API's sdk_config URLs); blank is not a URL. */
        public static boolean isHttpUrl(String value) {
            if (value == null || value.isBlank()) {
                return false;
            }
            try {
                URI uri = new URI(value.strip());
                String scheme = uri.getScheme();
                return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                        && uri.getHost() != null && !uri.getHost().isBlank();
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
