package dev.livecheck.persistence.notifications;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The log of every try of every delivery; rows go with their delivery (ON DELETE CASCADE). */
public interface NotificationDeliveryTries extends Repository<NotificationDeliveryTry, UUID>,
        InsertOnly<NotificationDeliveryTry> {

    List<NotificationDeliveryTry> findAllByBusinessIdAndDeliveryIdOrderByTriedAt(UUID businessId, UUID deliveryId);
}
