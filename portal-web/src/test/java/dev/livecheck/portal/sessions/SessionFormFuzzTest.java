package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import jakarta.validation.Validation;
import java.util.List;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;

/**
 * The new-session form's binder as the controller uses it: any posted fields bind to field errors or to a form whose
 * values are within the limits the session row and the e-mail need.
 */
@Tag("fuzz")
class SessionFormFuzzTest {

    private static final SpringValidatorAdapter VALIDATOR = new SpringValidatorAdapter(
            Validation.buildDefaultValidatorFactory().getValidator());
    private static final List<String> FIELDS = List.of("recipientName", "recipientEmail", "trackingId", "profileId");

    @FuzzTest(maxDuration = "30s")
    void postedFieldsAreErrorsOrAUsableForm(FuzzedDataProvider data) {
        SessionForm form = new SessionForm();
        WebDataBinder binder = new WebDataBinder(form, "sessionForm");
        binder.setValidator(VALIDATOR);
        MutablePropertyValues values = new MutablePropertyValues();
        int fields = data.consumeInt(0, FIELDS.size());
        for (int i = 0; i < fields; i++) {
            values.add(data.pickValue(FIELDS), data.consumeString(400));
        }
        binder.bind(values);
        binder.validate();
        if (!binder.getBindingResult().hasErrors()) {
            assertThat(form.getRecipientName()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(form.getRecipientEmail()).contains("@").hasSizeLessThanOrEqualTo(320);
            assertThat(form.getProfileId()).isNotNull();
        }
    }
}
