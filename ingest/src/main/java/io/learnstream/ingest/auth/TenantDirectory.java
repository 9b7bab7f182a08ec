package io.learnstream.ingest.auth;

import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Districts, credentials and the authenticator over them, wired on the two compacted topics: what a process that
 * serves or manages the LRS opens once and closes on shutdown.
 */
public final class TenantDirectory implements AutoCloseable {
    private final TopicTable<String, District> districtTable;
    private final TopicTable<String, Credential> credentialTable;
    private final Districts districts;
    private final CredentialRegistry credentials;
    private final Authenticator authenticator;

    private TenantDirectory(TopicTable<String, District> districtTable, TopicTable<String, Credential> credentialTable,
            MeterRegistry meters) {
        SecureRandom random = new SecureRandom();
        SecretHasher hasher = new SecretHasher(random);
        this.districtTable = districtTable;
        this.credentialTable = credentialTable;
        this.districts = new Districts(districtTable, Clock.systemUTC(), random);
        this.credentials = new CredentialRegistry(credentialTable, districts, hasher, Clock.systemUTC(), random);
        this.authenticator = new Authenticator(credentials, hasher, meters);
    }

    /**
     * Reads {@link Topics#districts()} and {@link Topics#credentials()} to their ends (creating them compacted when
     * missing) and keeps following them.
     *
     * @throws io.learnstream.schemas.topic.TopicTableException when either topic cannot be read within the start timeout
     */
    public static TenantDirectory open(TopicTableConfig config, Topics topics, MeterRegistry meters) {
        Objects.requireNonNull(topics, "topics");
        return open(config, topics.districts(), topics.credentials(), meters);
    }

    /** Like {@link #open(TopicTableConfig, Topics, MeterRegistry)} on these two topics. */
    public static TenantDirectory open(TopicTableConfig config, Topic<String, District> districtsTopic,
            Topic<String, Credential> credentialsTopic, MeterRegistry meters) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(districtsTopic, "districtsTopic");
        Objects.requireNonNull(credentialsTopic, "credentialsTopic");
        Objects.requireNonNull(meters, "meters");
        TopicTable<String, District> districtTable = TopicTable.open(districtsTopic, config);
        try {
            TopicTable<String, Credential> credentialTable = TopicTable.open(credentialsTopic, config);
            return new TenantDirectory(districtTable, credentialTable, meters);
        } catch (RuntimeException e) {
            districtTable.close();
            throw e;
        }
    }

    public Districts districts() {
        return districts;
    }

    public CredentialRegistry credentials() {
        return credentials;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public void close() {
        try {
            credentialTable.close();
        } finally {
            districtTable.close();
        }
    }

    @Override
    public String toString() {
        return "TenantDirectory[" + districts + ", " + credentials + "]";
    }
}
