package io.learnstream.app.dashboard;

import com.github.benmanes.caffeine.cache.Ticker;
import io.learnstream.app.dashboard.accounts.AccountStore;
import io.learnstream.app.dashboard.authz.ClassAccess;
import io.learnstream.app.dashboard.authz.RosterClasses;
import io.learnstream.app.dashboard.data.DashboardQueries;
import io.learnstream.app.dashboard.live.AlertInbox;
import io.learnstream.app.dashboard.live.LiveClassRisk;
import io.learnstream.app.dashboard.live.LiveUpdates;
import io.learnstream.app.dashboard.web.ClassRow;
import io.learnstream.app.dashboard.live.RiskScoreFeed;
import io.learnstream.app.dashboard.names.StudentNames;
import io.learnstream.app.dashboard.oidc.OidcPrincipals;
import io.learnstream.app.dashboard.oidc.OidcSignIn;
import io.learnstream.app.dashboard.web.DashboardServer;
import io.learnstream.app.dashboard.web.Sessions;
import io.learnstream.app.dashboard.web.Views;
import io.learnstream.app.pipeline.Shutdown;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The teacher dashboard, running: its accounts, the roster's classes and the alerts read from Kafka, the tables read
 * from the column store, the live feed of alerts and risk scores, and the HTTP server. One more part of the pipeline;
 * reads only what the other parts publish (topics and tables) and writes only accounts and alert feedback.
 */
public final class Dashboard implements AutoCloseable {
    static final String CLIENT_ID = "learnstream-dashboard";

    private final AccountStore accounts;
    private final DashboardServer server;
    private final Deque<AutoCloseable> closeables;

    private Dashboard(AccountStore accounts, DashboardServer server, Deque<AutoCloseable> closeables) {
        this.accounts = accounts;
        this.server = server;
        this.closeables = closeables;
    }

    /** @param pseudonymKeys a district's pseudonym key (what keys its roster students), empty when there is no such district */
    public static Dashboard start(DashboardConfig config, String bootstrapServers, Topics topics, Function<String, Optional<PseudonymKey>> pseudonymKeys,
            ColumnStore store, MeterRegistry meters) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            TopicTableConfig tables = TopicTableConfig.of(bootstrapServers).withClientId(CLIENT_ID);
            AccountStore accounts = AccountStore.open(topics.dashboardAccounts(), tables, Clock.systemUTC());
            started.push(accounts);
            RosterClasses roster = RosterClasses.open(topics, tables);
            started.push(roster);
            ClassAccess access = new ClassAccess(roster);
            // the roster's students by key, for the pages (names stay in the dashboard's memory)
            StudentNames names = new StudentNames(pseudonymKeys);
            // one view of the roster's users: the pages' names, and the OIDC sign-in's teachers
            TopicTable<String, RosterUser> rosterUsers = TopicTable.open(topics.rosterUsers(), tables, (key, before, now) -> names.userChanged(before, now));
            started.push(rosterUsers);
            started.push(TopicTable.open(topics.rosterEnrollments(), tables, (key, before, now) -> names.enrollmentChanged(before, now)));
            TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(bootstrapServers, CLIENT_ID)));
            started.push(publisher);
            AlertInbox inbox = AlertInbox.open(topics, tables, publisher, access, Clock.systemUTC());
            started.push(inbox);
            Views views = new Views(names);
            LiveUpdates live = new LiveUpdates(access, views, meters);
            started.push(live);
            inbox.onChange(live::alertChanged);
            DashboardQueries queries = new DashboardQueries(store);
            LiveClassRisk classRisk = new LiveClassRisk(queries::scoredStudents);
            started.push(RiskScoreFeed.start(topics.riskScores(), bootstrapServers, score -> {
                live.riskScored(score);
                // the class list's row of the class: its indicator with this score, and its open alerts
                roster.find(score.getTenantId(), score.getClassId()).ifPresent(rosterClass -> live.classRowChanged(
                        new ClassRow(rosterClass, classRisk.scored(score), inbox.openCount(score.getTenantId(), score.getClassId()))));
            }));
            DashboardServer server = new DashboardServer(config, accounts, new Sessions(config.sessionIdle(), Ticker.systemTicker()), access,
                    queries, inbox, live, views, names, new OidcSignIn(config.oidc(), Ticker.systemTicker()),
                    new OidcPrincipals(accounts, rosterUsers));
            started.push(server);
            server.start();
            return new Dashboard(accounts, server, started);
        } catch (RuntimeException | Error e) {
            Shutdown.inReverseOrder(started);
            throw e;
        }
    }

    /** Where teachers reach it; student pages are at {@code <baseUrl>/classes/<classId>/students/<studentKey>}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public void close() {
        Shutdown.inReverseOrder(closeables);
    }
}
