package io.gather.access;

/** The routes that scopes and rate limits guard: both dashboard routes, and nothing else. */
final class DashboardRoutes {
    static final String MINE = "/api/v1/dashboard";
    static final String OF_USER = "/api/v1/users/*/dashboard";

    private DashboardRoutes() {
    }
}
