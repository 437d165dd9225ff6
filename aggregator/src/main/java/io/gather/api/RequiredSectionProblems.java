package io.gather.api;

import io.gather.dashboard.RequiredSectionMissing;
import io.gather.dashboard.SectionResult;
import io.gather.http.Problem;
import io.gather.http.ProblemException;

/**
 * What a caller is told when a required section has no data: the user does not exist (404), the
 * service did not answer in time (504), or it failed otherwise (502).
 */
final class RequiredSectionProblems {
    private RequiredSectionProblems() {
    }

    static ProblemException of(RequiredSectionMissing e) {
        SectionResult.Missing<?> m = e.missing();
        String section = e.section().id();
        String reason = m.reason().id();
        if (m.reason() == SectionResult.Reason.ERROR_STATUS && Integer.valueOf(404).equals(m.upstreamStatus())) {
            return new ProblemException(404, Problem.TYPE_BASE + "user-not-found", "User not found",
                "There is no user with this id.", section, reason);
        }
        if (m.reason() == SectionResult.Reason.TIMEOUT) {
            return new ProblemException(504, Problem.TYPE_BASE + "upstream-timeout", "A required service did not answer in time",
                "The " + section + " service did not answer in time: " + m.detail(), section, reason);
        }
        return new ProblemException(502, Problem.TYPE_BASE + "upstream-failed", "A required service failed",
            "The " + section + " service failed: " + m.detail(), section, reason);
    }
}
