package dev.livecheck.portal.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * POSTs one notification. The endpoint is checked against {@link NotificationEndpointPolicy} right before each try,
 * including the addresses its host resolves to: a refused endpoint is never contacted. Redirects are not followed (a
 * 3xx is a failed try with its status), connecting and waiting for the response each time out, and only the first
 * {@code max-response-bytes} of a response body are read, the rest is never downloaded.
 */
@Component
class WebhookClient {
    /** How much of a response body goes into the error text of a failed try. */
    private static final int ERROR_BODY_CHARS = 200;

    private final NotificationEndpointPolicy policy;
    private final NotificationProperties properties;
    private final HttpClient http;

    WebhookClient(NotificationEndpointPolicy policy, NotificationProperties properties) {
        this.policy = policy;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * What one try came to. {@code statusCode} is null when no response came; {@code permanent}: retrying cannot help
     * (the endpoint is refused), so the delivery fails at once.
     */
    record Result(Integer statusCode, String error, boolean permanent) {
        static Result delivered(int statusCode) {
            return new Result(statusCode, null, false);
        }

        static Result retry(Integer statusCode, String error) {
            return new Result(statusCode, error, false);
        }

        static Result refused(String error) {
            return new Result(null, error, true);
        }

        boolean delivered() {
            return error == null && statusCode != null && statusCode / 100 == 2;
        }
    }

    Result post(String endpoint, String body, Map<String, String> headers) {
        Optional<String> problem = policy.problem(endpoint);
        if (problem.isPresent()) {
            return Result.refused("endpoint refused: it " + problem.get());
        }
        URI uri;
        try {
            uri = new URI(endpoint);
            StringBuilder why = new StringBuilder();
            if (policy.resolveAllowed(uri, why).isEmpty()) {
                return Result.refused("endpoint refused: " + why);
            }
        } catch (URISyntaxException e) {
            return Result.refused("endpoint refused: it is not a URL");
        } catch (UnknownHostException e) {
            return Result.retry(null, "cannot resolve " + e.getMessage());
        }
        return send(uri, body, headers);
    }

    private Result send(URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request.build(),
                info -> new CappedBody(properties.maxResponseBytes()));
        try {
            // The request timeout covers the wait for the response headers; this bound also covers a body that drips.
            return result(response.get(properties.tryDeadline().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            response.cancel(true);
            return Result.retry(null, "no complete response within " + properties.tryDeadline().toSeconds() + " s");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return Result.retry(null, "interrupted while sending");
        } catch (ExecutionException e) {
            return Result.retry(null, describe(e.getCause()));
        }
    }

    private static Result result(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Result.delivered(status);
        }
        String error = "HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : "");
        String text = printable(response.body());
        return Result.retry(status, text.isEmpty() ? error : error + ": " + text);
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + properties.connectTimeout().toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no response within " + properties.requestTimeout().toSeconds() + " s";
        }
        String message = cause.getMessage();
        String kind = cause instanceof IOException ? "connection failed" : cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** The start of a response body as one line of text, for an admin to read on the Deliveries page. */
    private static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text;
    }

    /** Keeps the first {@code max} bytes of a body, then cancels the subscription so the rest is never read. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), max - kept.size());
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                kept.write(chunk, 0, n);
            }
            if (kept.size() >= max) {
                subscription.cancel();
                result.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}
