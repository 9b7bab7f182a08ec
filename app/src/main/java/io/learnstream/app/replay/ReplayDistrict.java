package io.learnstream.app.replay;

import io.learnstream.app.simulate.Credentials;
import io.learnstream.ingest.auth.IssuedCredential;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.auth.TenantDirectory;
import java.util.Set;

/** The district a replay's statements belong to, created if new, and a fresh credential of the replay tool. */
public final class ReplayDistrict {
    static final String TOOL = "learnstream-replay";

    private ReplayDistrict() {}

    public static Credentials ensure(TenantDirectory directory, String tenant, String name) {
        directory.districts().createIfAbsent(tenant, name);
        IssuedCredential issued = directory.credentials().add(tenant, TOOL, Set.of(Scope.ALL));
        return new Credentials(issued.key(), issued.secret());
    }
}
