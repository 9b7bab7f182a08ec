package io.learnstream.app.dashboard.live;

import io.javalin.http.sse.SseClient;
import io.learnstream.app.alerts.AlertFilter;
import io.learnstream.app.dashboard.authz.ClassAccess;
import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.app.dashboard.data.StudentRisk;
import io.learnstream.app.dashboard.web.ClassRow;
import io.learnstream.app.dashboard.web.Links;
import io.learnstream.app.dashboard.web.Views;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open pages' live updates, as server-sent events (htmx's sse extension swaps them in): a new open alert
 * ({@code alert}, the inbox item), an alert closed ({@code alert-closed}, removing its item wherever shown) and a
 * student's new risk score (an event named after the class, replacing the student's row of the class page). Each
 * page gets only what its principal may see, as {@link ClassAccess} decides.
 */
public final class LiveUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    public static final String ALERT_EVENT = "alert";
    public static final String ALERT_CLOSED_EVENT = "alert-closed";

    private final ClassAccess access;
    private final Views views;
    private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
    private final AtomicInteger connected;

    public LiveUpdates(ClassAccess access, Views views, MeterRegistry meters) {
        this.access = Objects.requireNonNull(access, "access");
        this.views = Objects.requireNonNull(views, "views");
        this.connected = meters.gauge("learnstream.dashboard.live.clients", new AtomicInteger());
    }

    /** Keeps the page's event stream open and sends it what its principal may see, until the page goes away. */
    public void connect(SseClient client, Principal principal) {
        client.keepAlive();
        client.onClose(() -> {
            clients.remove(client);
            connected.set(clients.size());
        });
        clients.put(client, principal);
        connected.set(clients.size());
        client.sendComment("connected");
    }

    /** An alert's latest value changed (or appeared): new open ones go to the inboxes, closed ones leave every page. */
    public void alertChanged(Alert before, Alert now) {
        if (now == null) return;
        boolean open = AlertFilter.OPEN.equals(now.getStatus());
        boolean wasOpen = before != null && AlertFilter.OPEN.equals(before.getStatus());
        if (open == wasOpen) return;
        String html = open ? views.alertItem(now) : views.alertRemoval(now.getAlertId());
        send(now.getTenantId(), now.getClassId(), open ? ALERT_EVENT : ALERT_CLOSED_EVENT, html);
    }

    /** A student's new risk score: their row of the class page, replaced. */
    public void riskScored(RiskScore score) {
        StudentRisk risk = new StudentRisk(score.getClassId(), score.getStudentKey(), score.getProbability(), score.getFlagged(),
                score.getWithdrawn(), score.getReasons().stream().map(RiskReason::getText).toList(), score.getAsOf());
        send(score.getTenantId(), score.getClassId(), Links.riskEvent(score.getClassId()), views.riskRowUpdate(score.getTenantId(), risk));
    }

    /** A class's row of the class list changed (its risk indicator or open alerts): replaced on the class lists showing it. */
    public void classRowChanged(ClassRow row) {
        send(row.rosterClass().getTenantId(), row.rosterClass().getSourcedId(), Links.CLASS_ROW_EVENT, views.classRowUpdate(row));
    }

    private void send(String tenantId, String classId, String event, String html) {
        clients.forEach((client, principal) -> {
            if (!access.maySee(principal, tenantId, classId)) return;
            synchronized (client) {
                try {
                    if (!client.terminated()) client.sendEvent(event, html);
                } catch (RuntimeException e) {
                    log.debug("a page's event stream is gone", e);
                    clients.remove(client);
                }
            }
        });
    }

    /** Pages with an open event stream now. */
    public int connectedClients() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.keySet().forEach(SseClient::close);
        clients.clear();
    }
}
