package dev.livecheck.portal.profiles;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;

/**
 * The profile form's binder as the controller uses it: any posted fields bind to errors (a 200 with field messages)
 * or to a form that makes a valid {@code CheckProfile}; a form that passes validation must never fail in the
 * profile's own checks (that would be a 500).
 */
@Tag("fuzz")
class ProfileFormFuzzTest {

    private static final SpringValidatorAdapter VALIDATOR = new SpringValidatorAdapter(
            Validation.buildDefaultValidatorFactory().getValidator());
    private static final List<String> FIELDS = List.of("name", "livenessType", "maxRetries", "challengeCount",
            "linkLifetimeHours", "imageRetentionDays", "maxAbandonedAttempts", "successRedirectUrl",
            "errorRedirectUrl", "brandColour", "locale", "emailSubject", "emailBodyText", "version");

    @FuzzTest(maxDuration = "30s")
    void postedFieldsAreErrorsOrAValidProfile(FuzzedDataProvider data) {
        ProfileForm form = new ProfileForm();
        WebDataBinder binder = new WebDataBinder(form, "profile");
        binder.setValidator(VALIDATOR);
        MutablePropertyValues values = new MutablePropertyValues();
        int fields = data.consumeInt(0, FIELDS.size());
        for (int i = 0; i < fields; i++) {
            values.add(data.pickValue(FIELDS), data.consumeString(300));
        }
        binder.bind(values);
        binder.validate();
        if (!binder.getBindingResult().hasErrors()) {
            form.toNewProfile(UUID.randomUUID(), Instant.now());
        }
    }
}
