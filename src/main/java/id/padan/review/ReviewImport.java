package id.padan.review;

import id.padan.ingest.SourceMappings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * {@code padan review import}: applies a filled-in decisions file to the run it was delivered from. Every data line is
 * counted once: decided, left blank (no {@code keputusan}), unchanged (the same decision on the same evidence already
 * stands) or refused with its file, line and reason; nothing of a refused line is stored. Checks (the same as the
 * review page's, {@link DecisionChecks}): the row and its finding exist in the run, the word answers the finding,
 * a possible match names the run's candidate, {@code GANTI:<NIK>} names a registry NIK, {@code LAINNYA} says why,
 * one decision per item per file, {@code BATAL} withdraws something.
 */
@Component
public class ReviewImport {
    private final DataSource dataSource;
    private final DecisionChecks checks;

    public ReviewImport(DataSource dataSource, SourceMappings mappings, ReviewSettings settings) {
        this.dataSource = dataSource;
        this.checks = new DecisionChecks(mappings.registrySource(), settings);
    }

    /** A line refused, with its reason. */
    public record Refusal(int lineNo, String reason) {}

    /** What an import did; {@code lines = decided + blank + unchanged + refused.size()}. */
    public record Report(Path file, long runId, int lines, int decided, int awaitingApproval, int blank, int unchanged, List<Refusal> refused) {
        public boolean addsUp() {
            return lines == decided + blank + unchanged + refused.size();
        }
    }

    /**
     * Imports {@code file} as decisions of {@code reviewer} (with {@code role}) on run {@code runId} (null: the current
     * published run).
     */
    public Report importFile(Path file, String reviewer, String role, Long runId) throws Exception {
        return importFile(file, file, reviewer, role, runId, items -> new java.util.HashSet<>(items), "import " + file.getFileName());
    }

    /** The item a line of a decisions file names. */
    public record Item(String source, String recordKey, String code) {}

    /**
     * Imports {@code file}, known to its reviewer as {@code name} (the name it is reported and audited under), as decisions
     * of {@code reviewer} on run {@code runId} (null: the current published run), deciding only the items {@code mayDecide}
     * gives back of those the lines name (the page's upload: the items the user may see); a line naming another item is
     * refused as not found. Every other check is an import's.
     */
    public Report importFile(Path file, Path name, String reviewer, String role, Long runId,
                             java.util.function.Function<List<Item>, java.util.Set<Item>> mayDecide, String origin) throws Exception {
        List<DecisionFile.Line> lines = DecisionFile.read(file);
        List<Item> named = new ArrayList<>();
        for (DecisionFile.Line l : lines) {
            if (!l.get(DecisionFile.Column.KEPUTUSAN).isEmpty()) named.add(item(l));
        }
        java.util.Set<Item> visible = named.isEmpty() ? java.util.Set.of() : mayDecide.apply(named);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long run = runId != null ? runId : currentRun(c);
            List<DecisionChecks.Asked> asked = new ArrayList<>();
            List<Refusal> refused = new ArrayList<>();
            int blank = 0;
            for (DecisionFile.Line l : lines) {
                if (l.get(DecisionFile.Column.KEPUTUSAN).isEmpty()) {
                    blank++;
                    continue;
                }
                if (!visible.contains(item(l))) {
                    refused.add(new Refusal(l.lineNo(), "item tidak ditemukan"));
                    continue;
                }
                asked.add(new DecisionChecks.Asked(l.lineNo(), l.get(DecisionFile.Column.PROGRAM), l.get(DecisionFile.Column.RECORD_KEY),
                        l.get(DecisionFile.Column.CODE), l.get(DecisionFile.Column.CANDIDATE), l.get(DecisionFile.Column.KEPUTUSAN),
                        l.get(DecisionFile.Column.ALASAN)));
            }
            DecisionChecks.Outcome out = checks.check(c, run, asked, reviewer, role, origin);
            for (var r : out.refused().entrySet()) refused.add(new Refusal(r.getKey(), r.getValue()));
            refused.sort(java.util.Comparator.comparingInt(Refusal::lineNo));
            int awaiting = 0;
            for (DecisionChecks.NewDecision d : out.accepted()) if (d.needsApproval()) awaiting++;
            DecisionStore.insert(c, out.accepted());
            Report report = new Report(name, run, lines.size(), out.accepted().size(), awaiting, blank, out.unchanged(), refused);
            DecisionStore.audit(c, reviewer, "IMPORT", name.equals(file) ? file.toAbsolutePath().toString() : origin, "run " + run + ": " + report.lines() + " lines, "
                    + report.decided() + " decided, " + report.blank() + " blank, " + report.unchanged() + " unchanged, " + refused.size() + " refused");
            c.commit();
            return report;
        }
    }

    /** One decision asked on the page: the item, the candidate it showed, the word and the reason. */
    public record Asked(String source, String recordKey, String code, String candidate, String keputusan, String alasan) {}

    /** What became of one decision: stored (with whether it waits for an approver), unchanged, or refused with the reason. */
    public record Outcome(boolean stored, boolean needsApproval, boolean unchanged, String refused) {}

    /** Checks and stores one decision of {@code reviewer} on run {@code runId}, with the same checks as a file's lines. */
    public Outcome decide(long runId, Asked a, String reviewer, String role, String origin) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            DecisionChecks.Outcome out = checks.check(c, runId, List.of(new DecisionChecks.Asked(0, a.source(), a.recordKey(), a.code(), a.candidate(),
                    a.keputusan().strip(), a.alasan().strip())), reviewer, role, origin);
            if (!out.refused().isEmpty()) return new Outcome(false, false, false, out.refused().values().iterator().next());
            if (out.unchanged() > 0) return new Outcome(false, false, true, null);
            DecisionStore.insert(c, out.accepted());
            c.commit();
            return new Outcome(true, out.accepted().get(0).needsApproval(), false, null);
        }
    }

    /** What became of each decision of a list, in the order asked. */
    public record Outcomes(List<Outcome> each) {}

    /**
     * Checks and stores a list of decisions of {@code reviewer} on run {@code runId} (a bulk decision on the page), each
     * with the same checks as a file's line, all at once: the ones that pass are stored in one transaction, the others
     * are refused each with its reason.
     */
    public Outcomes decideAll(long runId, List<Asked> asked, String reviewer, String role, String origin) throws Exception {
        List<DecisionChecks.Asked> lines = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            lines.add(new DecisionChecks.Asked(i + 1, a.source(), a.recordKey(), a.code(), a.candidate(), a.keputusan().strip(), a.alasan().strip()));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            DecisionChecks.Outcome out = checks.check(c, runId, lines, reviewer, role, origin);
            DecisionStore.insert(c, out.accepted());
            c.commit();
            java.util.Map<String, DecisionChecks.NewDecision> stored = new java.util.HashMap<>();
            for (DecisionChecks.NewDecision d : out.accepted()) stored.put(d.source() + '\u0000' + d.recordKey() + '\u0000' + d.code(), d);
            List<Outcome> each = new ArrayList<>();
            for (DecisionChecks.Asked l : lines) {
                String refused = out.refused().get(l.lineNo());
                DecisionChecks.NewDecision d = stored.get(l.source() + '\u0000' + l.recordKey() + '\u0000' + l.code());
                each.add(refused != null ? new Outcome(false, false, false, refused)
                        : d != null ? new Outcome(true, d.needsApproval(), false, null) : new Outcome(false, false, true, null));
            }
            return new Outcomes(each);
        }
    }

    private static Item item(DecisionFile.Line l) {
        return new Item(l.get(DecisionFile.Column.PROGRAM), l.get(DecisionFile.Column.RECORD_KEY), l.get(DecisionFile.Column.CODE));
    }

    static long currentRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select run_id from reconciled.current_run"); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getObject(1) != null) return rs.getLong(1);
        }
        throw new IllegalStateException("no published run to decide on (run padan first)");
    }

}
