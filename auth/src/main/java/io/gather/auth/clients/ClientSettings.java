package io.gather.auth.clients;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One known client ({@code gather.clients.<name>.*}), matched by the {@code azp} (or {@code client_id}) its tokens
 * carry: {@code client-id} if set, else the block's name. Micronaut reads a block's name in lowercase with dashes
 * ({@code MobileApp} is {@code mobile-app}) and splits it at dots, so a client id with capitals or dots needs
 * {@code client-id}; startup refuses such a block name. Clients not listed get the default tier and whatever
 * sections their scopes grant.
 */
@EachProperty("gather.clients")
public class ClientSettings {
    private final String name;
    private String clientId;
    private String tier;
    private List<String> sections;

    public ClientSettings(@Parameter String name) {
        this.name = name;
    }

    /** The block's name, {@code gather.clients.<name>}. */
    public String getName() {
        return name;
    }

    /** The client id its tokens carry, exactly: {@code client-id}, else the block's name. */
    public String getId() {
        return clientId == null ? name : clientId;
    }

    /** The token's {@code azp} (or {@code client_id}) exactly, case and dots kept; unset: the block's name. */
    @Nullable
    public String getClientId() {
        return clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
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
