package io.gather.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code @MicronautTest} class against the contract stubs: Gather starts with the {@link GatherHarness}'s properties
 * (override {@link #getProperties()} to add to {@code harness.properties()}), the stubs are healthy again after each
 * test, and they stop with the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HarnessBacked implements TestPropertyProvider {
    protected final GatherHarness harness = new GatherHarness();

    @Override
    public Map<String, String> getProperties() {
        return harness.properties();
    }

    @AfterEach
    void healthyStubs() {
        harness.stubs.reset(0);
    }

    @AfterAll
    void stopStubs() {
        harness.close();
    }
}
