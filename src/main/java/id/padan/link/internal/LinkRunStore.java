package id.padan.link.internal;

import id.padan.link.RowLink;
import id.padan.link.model.MatchModel;
import id.padan.store.CopyWriter;
import id.padan.store.RunTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * What the link stage keeps of a run in the database: its matching model ({@code padan.run_model}), its
 * links ({@code padan.row_link}), and the registry's term frequencies it counts there.
 */
@Component
public final class LinkRunStore {
    private static final String LINK_COLUMNS = "run_id, source, record_key, target_source, target_key, method, score, explanation";
    private final DataSource dataSource;

    public LinkRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The model stored for the run, if an attempt of its link stage estimated one. */
    public Optional<MatchModel> model(long runId) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("select model from padan.run_model where run_id = ?")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(MatchModel.fromText(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Stores the run's model; the run's model is then the one read back from here, whoever estimated it. */
    public MatchModel keepModel(long runId, MatchModel model, long sampleRows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            RunTables.clear(c, runId, "padan.run_model");
            try (var ps = c.prepareStatement("insert into padan.run_model (run_id, model, sample_rows) values (?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, model.toText());
                ps.setLong(3, sampleRows);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the model of run " + runId + ": " + e.getMessage(), e);
        }
        return model(runId).orElseThrow();
    }

    /** Removes the run's links, before an attempt of the link stage writes them again. */
    public void clearLinks(long runId) {
        try (Connection c = dataSource.getConnection()) {
            RunTables.clear(c, runId, "padan.row_link");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Adds links of the run with COPY, in one transaction. */
    public void addLinks(long runId, Collection<RowLink> links) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, "padan.row_link", LINK_COLUMNS)) {
                for (RowLink l : links) {
                    w.add(runId).add(l.source()).add(l.recordKey()).add(l.targetSource()).add(l.targetKey()).add(l.method().name())
                            .add(l.score()).add(l.explanation());
                    w.endRow();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The registry's term frequencies over the whole run: rows per name key (for the keys some program row
     * carries) and per valid birth date, counted by PostgreSQL.
     */
    public TermFrequencies frequencies(long runId, String registrySource) {
        Map<String, Integer> names = new HashMap<>();
        Map<LocalDate, Integer> dates = new HashMap<>();
        long registryRows;
        try (Connection c = dataSource.getConnection()) {
            try (var ps = c.prepareStatement("select count(*) from padan.staged_row where run_id = ? and source = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    registryRows = rs.getLong(1);
                }
            }
            try (var ps = c.prepareStatement("""
                    select name_key, count(*) from padan.staged_row
                    where run_id = ? and source = ? and name_key is not null
                      and name_key in (select name_key from padan.staged_row where run_id = ? and source <> ? and name_key is not null)
                    group by name_key""")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                ps.setLong(3, runId);
                ps.setString(4, registrySource);
                ps.setFetchSize(50_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) names.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (var ps = c.prepareStatement("""
                    select birth_date, count(*) from padan.staged_row
                    where run_id = ? and source = ? and birth_date_status = 'OK' and birth_date is not null group by birth_date""")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) dates.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the term frequencies of run " + runId + ": " + e.getMessage(), e);
        }
        return new TermFrequencies(registryRows, names, dates);
    }
}
