package io.learnstream.ingest.attachments;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The attachment data the LRS keeps, per district (tenant) and SHA-2: what GET statements with
 * {@code attachments=true} sends along, and what the write side asks so it stores the same data only once. Every
 * call is scoped to one tenant; another tenant's data does not exist for it.
 */
public interface AttachmentArchive {
    /** Keeps nothing: every digest is new, no data can be read. */
    AttachmentArchive NONE = new AttachmentArchive() {
        @Override
        public Map<String, AttachmentContent> contents(String tenantId, Collection<String> sha2s) {
            return Map.of();
        }

        @Override
        public Set<String> held(String tenantId, Collection<String> sha2s) {
            return Set.of();
        }
    };

    /** The data of those of {@code sha2s} (lower case) the district has, keyed by SHA-2. */
    Map<String, AttachmentContent> contents(String tenantId, Collection<String> sha2s);

    /** Which of {@code sha2s} (lower case) the district already has, without reading the data. */
    Set<String> held(String tenantId, Collection<String> sha2s);
}
