package io.gather.dashboard.section;

/** A source's way to say "the answer is not the contract's body", with a detail safe to show callers. */
public final class BadBody extends RuntimeException {
    public BadBody(String safeDetail) {
        super(safeDetail, null, false, false);
    }
}
