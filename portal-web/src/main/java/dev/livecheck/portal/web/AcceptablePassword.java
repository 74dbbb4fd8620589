package dev.livecheck.portal.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** A new password that {@link PasswordPolicy} accepts; each problem gets its own message. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {
    String message() default "{password.tooShort}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            PasswordPolicy.Problem problem = PasswordPolicy.check(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("min", PasswordPolicy.MIN_LENGTH)
                    .addMessageParameter("max", PasswordPolicy.MAX_BYTES)
                    .buildConstraintViolationWithTemplate("{" + problem.messageKey() + "}")
                    .addConstraintViolation();
            return false;
        }
    }
}
