package io.learnstream.sinks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.sinks.spi.AlertNotifier;
import io.learnstream.sinks.spi.Delivery;
import io.learnstream.sinks.spi.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Alerts as a signed JSON POST to the teacher's webhook URL (an LMS, a chat bridge):
 * <pre>
 * POST &lt;url&gt;
 * Content-Type: application/json
 * X-Learnstream-Delivery: &lt;deliveryId&gt;          (the idempotency key: the same on a resend)
 * X-Learnstream-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the teacher's webhook secret&gt;
 *
 * {"deliveryId", "district", "teacher", "digest", "dueTime", "subject", "text",
 *  "alerts": [{"alertId", "classId", "studentKey", "text", "reasons": [..], "probability", "raisedTime", "link"}]}
 * </pre>
 * A 2xx answer is delivered. 408, 429, 5xx and I/O failures may be retried; any other answer fails for good.
 */
public final class WebhookAlertNotifier implements AlertNotifier {
    public static final String CHANNEL = "webhook";
    public static final String DELIVERY_HEADER = "X-Learnstream-Delivery";

    /** The secret a teacher's webhook is signed with. */
    @FunctionalInterface
    public interface Secrets {
        Optional<String> of(String tenantId, String teacherSourcedId);
    }

    private final HttpClient http;
    private final Secrets secrets;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookAlertNotifier(HttpClient http, Secrets secrets, Duration timeout) {
        this.http = http;
        this.secrets = secrets;
        this.timeout = timeout;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryException {
        String secret = secrets.of(delivery.tenantId(), delivery.teacherSourcedId()).filter(s -> !s.isBlank())
                .orElseThrow(() -> DeliveryException.permanent("teacher '" + delivery.teacherSourcedId() + "' of district '"
                        + delivery.tenantId() + "' has no webhook secret (set one with teachers notify --secret-file)", null));
        byte[] body = body(delivery);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.address()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(DELIVERY_HEADER, delivery.deliveryId())
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("not a webhook URL: '" + delivery.address() + "' (" + e.getMessage() + ")", e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.retryable("webhook " + delivery.address() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted while posting to webhook " + delivery.address(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) return;
        boolean retryable = status == 408 || status == 429 || status >= 500;
        String answer = response.body() == null ? "" : response.body().strip();
        throw new DeliveryException("webhook " + delivery.address() + " answered " + status
                + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)), retryable, null);
    }

    /** The JSON body, as bytes: what the signature is made over. */
    byte[] body(Delivery delivery) {
        ObjectNode root = json.createObjectNode()
                .put("deliveryId", delivery.deliveryId())
                .put("district", delivery.tenantId())
                .put("teacher", delivery.teacherSourcedId())
                .put("digest", delivery.digest())
                .put("dueTime", delivery.dueTime().toString())
                .put("subject", delivery.subject())
                .put("text", delivery.text());
        ArrayNode alerts = root.putArray("alerts");
        for (Delivery.Item item : delivery.alerts()) {
            ObjectNode alert = alerts.addObject()
                    .put("alertId", item.alertId())
                    .put("classId", item.classId())
                    .put("studentKey", item.studentKey())
                    .put("text", item.text())
                    .put("probability", item.probability())
                    .put("raisedTime", item.raisedTime().toString())
                    .put("link", item.link());
            ArrayNode reasons = alert.putArray("reasons");
            item.reasons().forEach(reasons::add);
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }
}
