package io.gather.auth.clients;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One known client ({@code gather.clients.<client-id>.*}), named by the {@code azp} (or {@code client_id}) its
 * tokens carry. Clients not listed get the default tier and whatever sections their scopes grant.
 */
@EachProperty("gather.clients")
public class ClientSettings {
    private final String id;
    private String tier;
    private List<String> sections;

    public ClientSettings(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** The rate-limit tier ({@code gather.rate-limits.tiers.<tier>}); unset: {@code gather.rate-limits.default-tier}. */
    @Nullable
    public String getTier() {
        return tier;
    }

    public void setTier(@Nullable String tier) {
        this.tier = tier;
    }

    /**
     * The only sections this client may ever see, whatever its tokens' scopes say; unset: no narrowing. An empty
     * list allows no section at all.
     */
    @Nullable
    public List<String> getSections() {
        return sections;
    }

    public void setSections(@Nullable List<String> sections) {
        this.sections = sections;
    }
}
