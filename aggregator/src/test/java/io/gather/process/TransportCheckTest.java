package io.gather.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A transport list Micronaut could not start with is told at startup, with its key. */
class TransportCheckTest {
    private static final List<String> SHIPPED = List.of("io_uring", "epoll", "nio");

    @Test
    void theShippedListAndAnyOneKnownTransportPass() {
        assertEquals(List.of(), TransportCheck.problems(SHIPPED, SHIPPED));
        assertEquals(List.of(), TransportCheck.problems(List.of("nio"), List.of("nio")));
        assertEquals(List.of(), TransportCheck.problems(List.of("kqueue", "nio"), List.of("kqueue", "nio")));
    }

    @Test
    void anUnknownNameIsAProblemOfEachKeyThatListsIt() {
        List<String> problems = TransportCheck.problems(List.of("uring", "nio"), List.of("uring", "nio"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(TransportCheck.SERVING + " must name transports among io_uring, epoll, kqueue, nio, not \"uring\""), problems.get(0));
        assertTrue(problems.get(1).startsWith(TransportCheck.ACCEPTING + " must name"), problems.get(1));
    }

    @Test
    void theAcceptingLoopMustTakeTheServingLoopsList() {
        // epoll accepting for io_uring serving: Netty refuses at bind ("incompatible event loop type")
        List<String> problems = TransportCheck.problems(SHIPPED, List.of("epoll", "nio"));
        assertEquals(List.of(TransportCheck.ACCEPTING + " must list what " + TransportCheck.SERVING
            + " does (io_uring,epoll,nio), not epoll,nio (env GATHER_TRANSPORT sets both)"), problems);
    }
}
