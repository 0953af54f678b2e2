package id.padan.run;

import id.padan.review.ReviewApprovals;
import id.padan.review.ReviewImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code padan review}: reviewers' decisions from the command line (offline files, approvals, what the last run made of them). */
@Command(name = "review", mixinStandardHelpOptions = true, description = "Reviewers' decisions: import a filled-in decisions file, approve, status.",
        subcommands = {ReviewCommand.Import.class, ReviewCommand.Approve.class, ReviewCommand.Status.class, ReviewCommand.User.class})
public final class ReviewCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Applies a filled-in decisions.csv or report.xlsx (keputusan and alasan filled in) to the run it came from. "
                    + "Every line is decided, left blank, unchanged (the same decision already stands) or refused with file, line and reason; "
                    + "a refused line stores nothing. The next run obeys the decisions.",
                    "Exit status 0 when no line was refused, 2 when some were, 1 when the file could not be read."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "decisions.csv or report.xlsx of a kabupaten/kota")
        Path file;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "who decided (recorded with every decision)")
        String reviewer;

        @Option(names = "--role", defaultValue = "REVIEWER", paramLabel = "ROLE", description = "REVIEWER (default), APPROVER or ADMIN")
        String role;

        @Option(names = "--run", paramLabel = "N", description = "the run the file was delivered from (default: the current published run)")
        Long run;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) return Cli.fail(file + ": no such file");
            if (reviewer.isBlank()) return Cli.fail("--reviewer: a name is needed");
            String r = role.toUpperCase(Locale.ROOT);
            if (!List.of("REVIEWER", "APPROVER", "ADMIN").contains(r)) return Cli.fail("--role: '" + role + "' is not one of REVIEWER, APPROVER, ADMIN");
            try (var ctx = config.start()) {
                ReviewImport.Report rep = ctx.getBean(ReviewImport.class).importFile(file, reviewer.strip(), r, run);
                System.out.printf(Locale.ROOT, "padan review import %s (run %d): %,d lines: %,d decided (%,d awaiting an approver), %,d without keputusan, "
                                + "%,d unchanged, %,d refused%n", file, rep.runId(), rep.lines(), rep.decided(), rep.awaitingApproval(), rep.blank(),
                        rep.unchanged(), rep.refused().size());
                for (ReviewImport.Refusal f : rep.refused()) System.out.println(file + ":" + f.lineNo() + ": refused: " + f.reason());
                return rep.refused().isEmpty() ? 0 : 2;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "A second person's verdict on decisions that need one (NIK corrections, a DECEASED_BENEFICIARY explained). "
                    + "Self-approval is refused.")
    static final class Approve implements Callable<Integer> {
        @Parameters(paramLabel = "DECISION", arity = "1..*", description = "decision ids (padan review status --pending lists them)")
        List<Long> decisions;

        @Option(names = "--approver", required = true, paramLabel = "NAME")
        String approver;

        @Option(names = "--refuse", description = "refuse instead of agree (the decision never takes effect)")
        boolean refuse;

        @Option(names = "--note", paramLabel = "TEXT")
        String note;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            int failed = 0;
            try (var ctx = config.start()) {
                ReviewApprovals approvals = ctx.getBean(ReviewApprovals.class);
                for (long d : decisions) {
                    try {
                        approvals.approve(d, approver.strip(), !refuse, note);
                        System.out.println("decision " + d + ": " + (refuse ? "refused" : "approved") + " by " + approver.strip());
                    } catch (IllegalArgumentException e) {
                        failed++;
                        System.out.println("decision " + d + ": not recorded: " + e.getMessage());
                    }
                }
            }
            return failed == 0 ? 0 : 2;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Adds a user of the review page, or changes their password, role and scope. The password is read from the first line of "
                    + "--password-file (never from the command line) and stored hashed; with --no-password the user has none and signs in only "
                    + "through the operator's LDAP directory or OpenID Connect provider.")
    static final class User implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "add", description = "add (or change)")
        String verb;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "REVIEWER, APPROVER, NATIONAL_VIEWER or ADMIN")
        String role;

        @Option(names = "--kabupaten", paramLabel = "CODES", description = "the 4-digit kabupaten/kota codes they review, comma separated")
        String kabupaten;

        @Option(names = "--programs", paramLabel = "SOURCES", description = "only these programs (comma separated; default all)")
        String programs;

        @Option(names = "--password-file", paramLabel = "FILE", description = "the user's padan password, on its first line")
        Path passwordFile;

        @Option(names = "--no-password", description = "no padan password: signs in only through the LDAP directory or the OpenID Connect provider")
        boolean noPassword;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            if (!verb.equals("add")) return Cli.fail("review user: only 'add' is known");
            if ((passwordFile == null) == !noPassword) return Cli.fail("review user " + name + ": give either --password-file FILE or --no-password");
            String password = noPassword ? null : Files.readAllLines(passwordFile).stream().findFirst().orElse("");
            try (var ctx = config.start()) {
                ctx.getBean(id.padan.review.ReviewUsers.class).put(name, password, role, id.padan.review.ReviewUsers.split(kabupaten),
                        id.padan.review.ReviewUsers.split(programs), System.getProperty("user.name", "operator"));
            } catch (IllegalArgumentException e) {
                return Cli.fail("review user " + name + ": " + e.getMessage());
            }
            System.out.println("review user " + name + ": " + role.toUpperCase(Locale.ROOT) + (kabupaten == null ? "" : ", kabupaten " + kabupaten)
                    + (programs == null ? "" : ", programs " + programs));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "What the current run made of the decisions (held, stale, in conflict, awaiting an approver), the model's agreement "
                    + "with the reviewers' pair decisions, the conflict queue and the decisions awaiting an approver.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--run", paramLabel = "N", description = "a run (default: the current published run)")
        Long run;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            try (var ctx = config.start()) {
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                Long r = run != null ? run : jdbc.queryForObject("select run_id from reconciled.current_run", Long.class);
                if (r == null) return Cli.fail("no published run");
                var rows = jdbc.queryForList("select * from padan.review_run where run_id = ?", r);
                if (rows.isEmpty()) {
                    System.out.println("run " + r + ": no reviewers' decisions were evaluated");
                } else {
                    var m = rows.get(0);
                    int labels = ((Number) m.get("pair_labels")).intValue(), agreed = ((Number) m.get("model_agreed")).intValue();
                    System.out.printf(Locale.ROOT, "run %d: %,d decisions: %,d held, %,d stale, %,d conflict(s), %,d awaiting an approver%n", r,
                            m.get("decisions"), m.get("held"), m.get("stale"), m.get("conflicts"), m.get("pending"));
                    System.out.printf(Locale.ROOT, "the model agreed with %,d of %,d pair decisions%s%n", agreed, labels,
                            labels > 0 ? String.format(Locale.ROOT, " (%.1f %%)", 100.0 * agreed / labels) : "");
                }
                jdbc.query("select queue, count(*) from padan.review_item where run_id = ? group by queue order by queue",
                        rs -> { System.out.printf(Locale.ROOT, "  %-9s %,10d findings%n", rs.getString(1), rs.getLong(2)); }, r);
                jdbc.query("select conflict_no, decision_ids::text, reason from padan.review_conflict where run_id = ? order by conflict_no",
                        rs -> { System.out.println("conflict " + rs.getInt(1) + ": decisions " + rs.getString(2) + ": " + rs.getString(3)); }, r);
                jdbc.query("""
                        select d.decision_id, d.reviewer, d.source, d.record_key, d.code, d.keputusan from padan.review_effect e
                        join padan.review_decision d using (decision_id) where e.run_id = ? and e.state = 'PENDING_APPROVAL' order by 1""",
                        rs -> { System.out.println("awaiting an approver: decision " + rs.getLong(1) + " by " + rs.getString(2) + ": "
                                + rs.getString(3) + "/" + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6)); }, r);
                return 0;
            }
        }
    }
}
