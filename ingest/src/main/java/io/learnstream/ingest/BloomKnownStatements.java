package io.learnstream.ingest;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.learnstream.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Spares the archive a look-up for ids it cannot have: a Bloom filter of every {@code <district>/<id>} known
 * (loaded from the archive at start, then every statement this instance stores) answers "certainly new" for a
 * new id, so only ids that may be known (about 1% false positives) are looked up. New statements, nearly all of
 * them, thus never wait for the archive.
 *
 * <p>Ids stored by another LRS instance since this one started are not in its filter: a duplicate of such a
 * statement sent here is accepted and then counted once by the intake (same content), or dead-lettered there
 * (other content) instead of being answered 409.
 */
public final class BloomKnownStatements implements KnownStatements {
    private final KnownStatements archive;
    private final BloomFilter<CharSequence> ids;

    /**
     * @param expectedIds how many ids the filter is sized for; past it the false-positive rate grows slowly
     */
    public BloomKnownStatements(KnownStatements archive, long expectedIds) {
        this.archive = archive;
        this.ids = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expectedIds, 0.01);
    }

    /** Adds an id the archive holds ({@code <district>/<id>}, as {@link Topics#tenantScopedKey}). */
    public void add(String tenantScopedKey) {
        ids.put(tenantScopedKey);
    }

    @Override
    public Map<String, String> contentHashes(String tenantId, Collection<String> statementIds) {
        List<String> maybeKnown = new ArrayList<>();
        for (String id : statementIds) {
            if (ids.mightContain(Topics.tenantScopedKey(tenantId, id))) maybeKnown.add(id);
        }
        return maybeKnown.isEmpty() ? Map.of() : archive.contentHashes(tenantId, maybeKnown);
    }

    @Override
    public void stored(String tenantId, String statementId) {
        ids.put(Topics.tenantScopedKey(tenantId, statementId));
    }
}
