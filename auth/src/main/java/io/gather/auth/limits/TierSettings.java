package io.gather.auth.limits;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.convert.format.MapFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tier ({@code gather.rate-limits.tiers.<tier>.policies.<policy>.{quota,window,per}}): named policies that
 * all apply to every request of a client in the tier. Values are read as written and checked by
 * {@link RateLimitConfig}, which names the key of anything wrong.
 */
@EachProperty("gather.rate-limits.tiers")
public class TierSettings {
    private final String name;
    private Map<String, Object> policies = new LinkedHashMap<>();

    public TierSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** Policy name to its raw settings ({@code quota}, {@code window}, {@code per}). */
    public Map<String, Object> getPolicies() {
        return policies;
    }

    public void setPolicies(@MapFormat(transformation = MapFormat.MapTransformation.NESTED) Map<String, Object> policies) {
        this.policies = policies == null ? new LinkedHashMap<>() : policies;
    }
}
