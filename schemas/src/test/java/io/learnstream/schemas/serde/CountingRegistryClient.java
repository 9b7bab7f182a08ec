package io.learnstream.schemas.serde;

import io.learnstream.schemas.registry.CompatibilityLevel;
import io.learnstream.schemas.registry.CompatibilityResult;
import io.learnstream.schemas.registry.SchemaMetadata;
import io.learnstream.schemas.registry.SchemaRegistryClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Passes every call to a real client and counts them, so tests can see when the serdes reach the registry. */
final class CountingRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final AtomicInteger calls = new AtomicInteger();

    CountingRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    int calls() {
        return calls.get();
    }

    @Override public int register(String subject, Schema schema) { calls.incrementAndGet(); return delegate.register(subject, schema); }
    @Override public Schema getById(int id) { calls.incrementAndGet(); return delegate.getById(id); }
    @Override public SchemaMetadata lookup(String subject, Schema schema) { calls.incrementAndGet(); return delegate.lookup(subject, schema); }
    @Override public SchemaMetadata latestVersion(String subject) { calls.incrementAndGet(); return delegate.latestVersion(subject); }
    @Override public SchemaMetadata version(String subject, int version) { calls.incrementAndGet(); return delegate.version(subject, version); }
    @Override public List<String> subjects() { calls.incrementAndGet(); return delegate.subjects(); }
    @Override public List<Integer> versions(String subject) { calls.incrementAndGet(); return delegate.versions(subject); }
    @Override public CompatibilityLevel globalCompatibility() { calls.incrementAndGet(); return delegate.globalCompatibility(); }
    @Override public void setGlobalCompatibility(CompatibilityLevel level) { calls.incrementAndGet(); delegate.setGlobalCompatibility(level); }
    @Override public CompatibilityLevel compatibility(String subject) { calls.incrementAndGet(); return delegate.compatibility(subject); }
    @Override public void setCompatibility(String subject, CompatibilityLevel level) { calls.incrementAndGet(); delegate.setCompatibility(subject, level); }
    @Override public CompatibilityResult testCompatibility(String subject, Schema schema) { calls.incrementAndGet(); return delegate.testCompatibility(subject, schema); }
}
