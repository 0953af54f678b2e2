package id.padan.store;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What every stage of one run needs to know: its run id, the as-of date and the input and output
 * directories. Built from the job's parameters and the run id the run registry put into the job's
 * execution context.
 */
public record RunScope(long runId, LocalDate asOf, Path inputDir, Path outDir) {
    public static final String RUN_ID = "padan.runId";

    public static RunScope of(ChunkContext chunk) {
        var step = chunk.getStepContext().getStepExecution();
        var job = step.getJobExecution();
        ExecutionContext ctx = job.getExecutionContext();
        var params = job.getJobParameters();
        return new RunScope(ctx.getLong(RUN_ID),
                params.getLocalDate("asOf"),
                Path.of(params.getString("inputDir")),
                Path.of(params.getString("outDir")));
    }
}
