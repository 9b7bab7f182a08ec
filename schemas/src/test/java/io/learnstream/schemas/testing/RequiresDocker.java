package io.learnstream.schemas.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a Testcontainers test class only where a Docker engine answers; elsewhere skips it and says so on the
 * console once, so a skipped server-mode test is never mistaken for a passed one.
 */
public final class RequiresDocker implements ExecutionCondition {
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        String reason = "SKIPPED " + context.getRequiredTestClass().getSimpleName()
                + ": no Docker engine on this machine; these server-mode tests (Kafka and ClickHouse servers in Testcontainers"
                + " containers) run where Docker is available";
        if (SAID.compareAndSet(false, true)) System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
