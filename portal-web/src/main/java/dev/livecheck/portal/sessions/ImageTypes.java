package dev.livecheck.portal.sessions;

import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;

/** The content type an attempt's image is served with, by the report page and by the session API alike. */
public final class ImageTypes {
    private static final Set<String> RASTER_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private ImageTypes() {
    }

    /**
     * Only raster types the capture page produces are echoed; anything else (an SVG could carry script) is served as
     * opaque bytes, which nosniff keeps the browser from rendering.
     */
    public static MediaType servable(String stored) {
        try {
            return Optional.ofNullable(stored).map(MediaType::parseMediaType)
                    .filter(t -> RASTER_TYPES.contains(t.getType() + "/" + t.getSubtype()))
                    .orElse(MediaType.APPLICATION_OCTET_STREAM);
        } catch (InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
