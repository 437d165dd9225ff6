package io.gather.api;

import io.gather.api.StreamEvents.ErrorEvent;
import io.gather.api.StreamEvents.SectionEvent;
import io.gather.api.StreamEvents.SummaryEvent;
import io.gather.dashboard.Dashboard;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.DashboardQuery;
import io.gather.dashboard.RequiredSectionMissing;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.Sections;
import io.gather.dashboard.SettledSection;
import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A dashboard as a stream: one {@code section} event the moment each selected section settles (in that order), then
 * a {@code summary}; or, when a required section is missing, an {@code error} event with the problem the JSON answer
 * would have been (404, 502, 504 as its {@code status}) and the end. It is the assembler's own stream, so it has the
 * same guards and deadline, and a caller that goes away cancels it and with it every call still under way.
 */
@Singleton
final class DashboardStreams {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardStreams.class);
    private static final byte[] NEWLINE = {'\n'};

    private final DashboardAssembler assembler;
    private final JsonMapper json;

    DashboardStreams(DashboardAssembler assembler, JsonMapper json) {
        this.assembler = assembler;
        this.json = json;
    }

    Flux<byte[]> events(DashboardQuery query, DashboardFormat format, String instance) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            Map<Section<?>, SectionResult<?>> settled = new HashMap<>();
            return assembler.settleEach(query)
                .map(s -> {
                    settled.put(s.section(), s.result());
                    return frame(format, StreamEvents.SECTION, section(s, query));
                })
                .concatWith(Mono.fromSupplier(() -> frame(format, StreamEvents.SUMMARY, summary(query, settled, start))))
                .onErrorResume(e -> Mono.fromSupplier(() -> frame(format, StreamEvents.ERROR, ErrorEvent.of(problem(e, query, instance)))));
        });
    }

    private static SectionEvent section(SettledSection s, DashboardQuery query) {
        SectionResult<?> r = s.result();
        Object data = r instanceof SectionResult.Ok<?> ok ? query.view().project(s.section(), ok.value()) : null;
        return SectionEvent.of(s.section().id(), SectionStatus.of(r), data, ServerTiming.describe(r), millis(r.took().toNanos()));
    }

    private SummaryEvent summary(DashboardQuery query, Map<Section<?>, SectionResult<?>> settled, long start) {
        Map<Section<?>, SectionResult<?>> inOrder = new LinkedHashMap<>();
        for (Section<?> section : Sections.ALL) {
            SectionResult<?> r = settled.get(section);
            if (r != null) {
                inOrder.put(section, r);
            }
        }
        DashboardAnswer answer = DashboardAnswer.of(new Dashboard(query.userId(), inOrder), query.view(), json);
        return SummaryEvent.of(answer.body(), answer.etag(), millis(System.nanoTime() - start));
    }

    private static Problem problem(Throwable e, DashboardQuery query, String instance) {
        if (e instanceof RequiredSectionMissing missing) {
            ProblemException p = RequiredSectionProblems.of(missing);
            return new Problem(p.type(), p.title(), p.status(), p.getMessage(), instance, query.requestId(), p.section(), p.reason());
        }
        LOG.error("Dashboard stream {} failed", query.requestId(), e);
        return new Problem(Problem.ABOUT_BLANK, "Internal Server Error", 500, "Gather failed to answer this request.",
            instance, query.requestId(), null, null);
    }

    private byte[] frame(DashboardFormat format, String name, Object event) {
        byte[] data;
        try {
            data = json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (format == DashboardFormat.NDJSON) {
            byte[] line = java.util.Arrays.copyOf(data, data.length + 1);
            line[data.length] = '\n';
            return line;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
        out.writeBytes(("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);                 // one line: the JSON writer never writes a line break
        out.writeBytes(NEWLINE);
        out.writeBytes(NEWLINE);
        return out.toByteArray();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
