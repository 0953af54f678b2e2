package id.padan.run.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seconds a run spent in each of its Spring Batch steps, from the job repository, for the benchmark and its
 * capacity model. The link partitions ({@code link-partition:pNNNN-of-NNNN}) are summed into one entry,
 * {@link CapacityModel#PARTITIONS}, and so are the parts of the search ({@code link-search-part:bNNNN-NNNN},
 * {@link CapacityModel#SEARCH_PARTS}); the step that handed them out ({@code link}, {@code link-search}), whose time
 * includes its partitions, keeps only the rest (the model, the registry's keys), so no second is counted twice. Steps of every attempt of the run are added up.
 */
public record StepSeconds(Map<String, Double> seconds) {
    public static StepSeconds of(JdbcTemplate jdbc, long runId) {
        Map<String, Double> out = new LinkedHashMap<>();
        jdbc.query("""
                select s.step_name, extract(epoch from s.end_time - s.start_time) as seconds
                from batch_step_execution s join batch_job_execution e using (job_execution_id)
                join padan.run r on r.job_instance_id = e.job_instance_id
                where r.run_id = ? and s.end_time is not null order by s.step_execution_id""", rs -> {
            String name = rs.getString(1);
            if (name.indexOf(':') > 0) name = name.substring(0, name.indexOf(':'));
            out.merge(name, rs.getDouble(2), Double::sum);
        }, runId);
        CapacityModel.PARALLEL.forEach((parts, manager) -> {
            Double partitions = out.get(parts);
            if (partitions != null && out.containsKey(manager)) out.put(manager, Math.max(0, out.get(manager) - partitions));
        });
        return new StepSeconds(out);
    }

    /** "ingest 9.6, link 23.6, ..." */
    public String describe() {
        return seconds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
