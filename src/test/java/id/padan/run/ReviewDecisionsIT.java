package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reviewers decide, and the next run keeps their decisions: a run on generated extracts (stricter thresholds, so that
 * the review band holds rows), every REVIEW_POSSIBLE_MATCH row of every kabupaten's decisions.csv decided from the ground
 * truth (SAMA when the row is truly the candidate, else BERBEDA; the first one BERBEDA whatever the truth) and imported
 * with {@code padan review import}; the same extracts run again link every SAMA row to its
 * candidate and no BERBEDA row, and take the decided rows out of the queue; the model's agreement with the decisions is
 * counted; a registry name changed behind a decided pair makes that decision stale.
 */
class ReviewDecisionsIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    @Test
    void decisionsFromTheTruthAreKeptByTheNextRunAndGoStaleWhenTheEvidenceChanges() throws Exception {
        Path tmp = Path.of("target/review-decisions-it");
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        Path input = tmp.resolve("in");
        new ExtractGenerator(GeneratorOptions.of(8_000, 17).withAsOf(AS_OF).withErrorRate(3.0)).generate(input);
        TestDatabase.Db db = TestDatabase.newDatabase();
        // the shipped configuration with a stricter accept probability, a wider margin and a wider review band, so that
        // the run has rows in the review band, right and wrong candidates both, in several kabupaten (the shipped
        // thresholds leave few on this generator's data)
        Path configDir = tmp.resolve("config");
        org.springframework.util.FileSystemUtils.copyRecursively(PadanProcess.CONFIG, configDir);
        Path matching = configDir.resolve("matching.yml");
        String yml = Files.readString(matching);
        String stricter = yml.replace("accept: 0.99\n", "accept: 0.9999\n").replace("review: 0.50\n", "review: 0.001\n")
                .replace("min-margin-bits: 4.0\n", "min-margin-bits: 8.0\n");
        assertThat(stricter).isNotEqualTo(yml);
        Files.writeString(matching, stricter);
        String config = configDir.toString();
        Path out = tmp.resolve("out");
        String[] run = {"run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", out.toString(), "--config", config, "--force"};
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run1 = Sql.longValue(db, "select run_id from reconciled.current_run");

        // The truth: which generated person each row belongs to.
        Map<String, String> person = new HashMap<>();
        for (String[] t : read(input.resolve("truth.csv"))) person.put(t[0] + "/" + t[3], t[4]);

        // Every kabupaten's decisions file, its REVIEW_POSSIBLE_MATCH rows decided from the truth.
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.getFileName().toString().equals("decisions.csv") && !p.getParent().getFileName().toString().equals("NASIONAL")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, String> decided = new HashMap<>(); // "source/key" -> SAMA | BERBEDA
        Map<String, Long> candidateOf = new HashMap<>();
        Map<String, String> candidateKeyOf = new HashMap<>();
        int planted = 0;
        Path bad = null;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (Path f : files) {
                List<String[]> rows = read(f);
                String[] h = rows.get(0);
                int program = col(h, "program"), key = col(h, "kunci_baris"), code = col(h, "kode_temuan"), cand = col(h, "kandidat_person_id"),
                        kep = col(h, "keputusan"), alasan = col(h, "alasan");
                String[] lastReview = null;
                for (String[] r : rows.subList(1, rows.size())) {
                    if (!r[code].equals("REVIEW_POSSIBLE_MATCH")) continue;
                    String candidateKey = registryKey(c, run1, Long.parseLong(r[cand]));
                    // the first pair is judged BERBEDA whatever the truth says (a field visit may know better than the
                    // data, and the model's candidates here are mostly right): padan obeys the decision, not the truth
                    boolean same = !decided.isEmpty() && person.get(r[program] + "/" + r[key]).equals(person.get("DUKCAPIL/" + candidateKey));
                    r[kep] = same ? "SAMA" : "berbeda ";   // case and blanks do not matter
                    r[alasan] = "dicek di lapangan";
                    decided.put(r[program] + "/" + r[key], same ? "SAMA" : "BERBEDA");
                    candidateOf.put(r[program] + "/" + r[key], Long.parseLong(r[cand]));
                    candidateKeyOf.put(r[program] + "/" + r[key], candidateKey);
                    lastReview = r;
                }
                if (lastReview != null && bad == null) {
                    // one file gets two lines a reviewer got wrong: refused with their line, the rest still imported
                    bad = f;
                    String[] unknownWord = lastReview.clone();
                    unknownWord[kep] = "MUNGKIN";
                    rows.add(unknownWord);
                    String[] wrongCandidate = lastReview.clone();
                    wrongCandidate[kep] = "SAMA";
                    wrongCandidate[cand] = "999999999";
                    rows.add(wrongCandidate);
                    planted = 2;
                }
                write(f, rows);
            }
        }
        assertThat(decided).as("the run has rows in the review band").hasSizeGreaterThanOrEqualTo(4);
        assertThat(decided.values()).contains("SAMA", "BERBEDA");

        int imported = 0;
        for (Path f : files) {
            InProcess.Result r = InProcess.padan(db, "review", "import", f.toString(), "--reviewer", "ani", "--config", config);
            assertThat(r.exit()).as(r.output()).isEqualTo(f.equals(bad) ? 2 : 0);
            var m = java.util.regex.Pattern.compile("([\\d,]+) lines: ([\\d,]+) decided \\(0 awaiting an approver\\), ([\\d,]+) without keputusan, "
                    + "([\\d,]+) unchanged, ([\\d,]+) refused").matcher(r.output());
            assertThat(m.find()).as(r.output()).isTrue();
            int lines = n(m.group(1)), dec = n(m.group(2)), blank = n(m.group(3)), same = n(m.group(4)), refused = n(m.group(5));
            assertThat(dec + blank + same + refused).as("counts add up").isEqualTo(lines);
            assertThat(lines).isEqualTo(read(f).size() - 1);
            if (f.equals(bad)) {
                assertThat(refused).isEqualTo(planted);
                int last = lines + 1;
                assertThat(r.output()).contains(f + ":" + (last - 1) + ": refused: keputusan 'MUNGKIN' tidak berlaku untuk REVIEW_POSSIBLE_MATCH")
                        .contains(f + ":" + last + ": refused: kandidat_person_id 999999999 bukan kandidat baris ini");
            }
            imported += dec;
        }
        assertThat(imported).isEqualTo(decided.size());
        assertThat(Sql.longValue(db, "select count(*) from padan.review_decision")).isEqualTo(decided.size());
        assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where action = 'IMPORT'")).isEqualTo(files.size());
        assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where action = 'DECIDE'")).isEqualTo(decided.size());
        // The same decisions written into a kabupaten's report.xlsx (as a reviewer working in a spreadsheet would) change nothing.
        Path badFile = bad;
        Path xlsx = files.stream().filter(f -> !f.equals(badFile) && hasReviewRows(f)).findFirst().orElseThrow().resolveSibling("report.xlsx");
        Path filledXlsx = tmp.resolve("report-filled.xlsx");
        int filled = 0;
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile())) {
            int decisionSheet = -1;
            for (int i = 0; i < wb.getNumberOfSheets() && decisionSheet < 0; i++) {
                var first = wb.getSheetAt(i).getRow(0);
                for (int c = 0; first != null && c < first.getLastCellNum(); c++) {
                    if (first.getCell(c) != null && "keputusan".equals(first.getCell(c).toString())) decisionSheet = i;
                }
            }
            var sheet = wb.getSheetAt(decisionSheet);
            var h = sheet.getRow(0);
            Map<String, Integer> at = new HashMap<>();
            for (int c = 0; c < h.getLastCellNum(); c++) at.put(h.getCell(c).toString(), c);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                String k = row.getCell(at.get("program")) + "/" + row.getCell(at.get("kunci_baris"));
                if (!"REVIEW_POSSIBLE_MATCH".equals(row.getCell(at.get("kode_temuan")).toString()) || !decided.containsKey(k)) continue;
                row.getCell(at.get("keputusan"), org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(decided.get(k));
                row.getCell(at.get("alasan"), org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("dicek di lapangan");
                filled++;
            }
            try (var o = Files.newOutputStream(filledXlsx)) {
                wb.write(o);
            }
        }
        assertThat(filled).isPositive();
        InProcess.Result fromXlsx = InProcess.padan(db, "review", "import", filledXlsx.toString(), "--reviewer", "ani", "--config", config);
        assertThat(fromXlsx.exit()).as(fromXlsx.output()).isZero();
        assertThat(fromXlsx.output()).contains(" 0 decided (0 awaiting an approver)").contains(" " + filled + " unchanged, 0 refused");

        // importing the same file again changes nothing
        InProcess.Result again = InProcess.padan(db, "review", "import", files.get(0).toString(), "--reviewer", "ani", "--config", config);
        assertThat(again.output()).contains(" 0 decided");

        // A NIK correction accepted and a DECEASED_BENEFICIARY explained wait for a second person; an explained finding does not.
        // A file of its own, with only the columns an import reads, in another order.
        String nikRow = Sql.text(db, "select source || '/' || record_key from padan.finding where run_id = " + run1
                + " and code = 'NIK_CORRECTED' order by source, record_key limit 1");
        String mismatchRow = Sql.text(db, "select source || '/' || record_key from padan.finding where run_id = " + run1
                + " and code = 'ATTRIBUTE_MISMATCH' order by source, record_key limit 1");
        String deceasedRow = Sql.text(db, "select source || '/' || record_key from padan.finding where run_id = " + run1
                + " and code = 'DECEASED_BENEFICIARY' order by source, record_key limit 1");
        Path own = tmp.resolve("keputusan.csv");
        write(own, List.of(new String[] {"keputusan", "alasan", "kode_temuan", "kunci_baris", "program"},
                new String[] {"TERIMA", "", "NIK_CORRECTED", nikRow.split("/", 2)[1], nikRow.split("/", 2)[0]},
                new String[] {"PINDAH", "pindah ke desa lain", "ATTRIBUTE_MISMATCH", mismatchRow.split("/", 2)[1], mismatchRow.split("/", 2)[0]},
                new String[] {"MENINGGAL", "", "DECEASED_BENEFICIARY", deceasedRow.split("/", 2)[1], deceasedRow.split("/", 2)[0]},
                new String[] {"LAINNYA", "", "ATTRIBUTE_MISMATCH", mismatchRow.split("/", 2)[1], mismatchRow.split("/", 2)[0]}));
        InProcess.Result ownImport = InProcess.padan(db, "review", "import", own.toString(), "--reviewer", "ani", "--config", config);
        assertThat(ownImport.output()).contains("4 lines: 3 decided (2 awaiting an approver), 0 without keputusan, 0 unchanged, 1 refused")
                .contains(own + ":5: refused: LAINNYA perlu alasan");
        long nikDecision = Sql.longValue(db, "select decision_id from padan.review_decision where code = 'NIK_CORRECTED'");
        InProcess.Result self = InProcess.padan(db, "review", "approve", String.valueOf(nikDecision), "--approver", "ANI", "--config", config);
        assertThat(self.exit()).isEqualTo(2);
        assertThat(self.output()).contains("a second person must approve it");
        assertThatThrownBy(() -> Sql.execute(db, "insert into padan.review_approval (decision_id, approver, verdict) values (" + nikDecision + ", 'ani', 'SETUJU')"))
                .as("the database refuses self-approval too").hasMessageContaining("cannot be approved by its own reviewer");
        assertThat(InProcess.padan(db, "review", "approve", String.valueOf(nikDecision), "--approver", "budi", "--config", config).exit()).isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.review_audit where action = 'APPROVE'")).isEqualTo(1);

        // The same extracts again: every decision holds.
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run2 = Sql.longValue(db, "select run_id from reconciled.current_run");
        assertThat(run2).isGreaterThan(run1);
        int sama = 0, berbeda = 0;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (var e : decided.entrySet()) {
                String[] sk = e.getKey().split("/", 2);
                long now = personOf(c, run2, sk[0], sk[1]);
                if (e.getValue().equals("SAMA")) {
                    sama++;
                    assertThat(now).as(e.getKey() + " decided SAMA is linked to its candidate").isEqualTo(candidateOf.get(e.getKey()));
                } else {
                    berbeda++;
                    assertThat(now).as(e.getKey() + " decided BERBEDA is not linked to its candidate").isNotEqualTo(candidateOf.get(e.getKey()));
                }
            }
        }
        assertThat(sama).isPositive();
        assertThat(berbeda).isPositive();
        assertThat(Sql.longValue(db, "select count(*) from padan.review_effect where run_id = " + run2 + " and state = 'HELD'")).isEqualTo(decided.size() + 2);
        assertThat(queue(db, run2, nikRow, "NIK_CORRECTED")).isEqualTo("DECIDED");
        assertThat(queue(db, run2, mismatchRow, "ATTRIBUTE_MISMATCH")).as("an explained finding is shown as explained").isEqualTo("DECIDED");
        assertThat(Sql.text(db, "select keputusan from padan.review_item where run_id = " + run2 + " and source || '/' || record_key = '" + mismatchRow
                + "' and code = 'ATTRIBUTE_MISMATCH'")).isEqualTo("PINDAH");
        assertThat(queue(db, run2, deceasedRow, "DECEASED_BENEFICIARY")).as("waits for an approver").isEqualTo("APPROVAL");
        // (a row whose candidate was judged BERBEDA may come back with its next candidate: a new question)
        assertThat(Sql.longValue(db, "select count(*) from padan.review_item i join padan.finding f using (run_id, source, record_key, code) where i.run_id = "
                + run2 + " and i.code = 'REVIEW_POSSIBLE_MATCH' and i.queue in ('OPEN', 'STALE') and i.source || '/' || i.record_key || '/' "
                + "|| (f.detail_json->'candidate'->>'record_key') in (" + quoted(decided.keySet().stream().map(k -> k + "/" + candidateKeyOf.get(k)).toList())
                + ")")).as("decided pairs are out of the queue").isZero();
        assertThat(Sql.longValue(db, "select pair_labels from padan.review_run where run_id = " + run2)).isEqualTo(decided.size());
        // the model, before the decisions, linked none of the rows it left for review: it agreed with the BERBEDA ones
        assertThat(Sql.longValue(db, "select model_agreed from padan.review_run where run_id = " + run2)).isEqualTo(berbeda);
        InProcess.Result status = InProcess.padan(db, "review", "status", "--config", config);
        assertThat(status.output()).contains("the model agreed with " + berbeda + " of " + decided.size() + " pair decisions");

        // The second run's reports and corrected extracts show the decided findings with their decision, not as open.
        Path reports2 = out.resolve("run-" + run2).resolve("reports");
        assertThat(decisionLine(reports2, mismatchRow, "ATTRIBUTE_MISMATCH", "status_keputusan")).isEqualTo("DIJELASKAN: PINDAH (pindah ke desa lain)");
        assertThat(decisionLine(reports2, mismatchRow, "ATTRIBUTE_MISMATCH", "keputusan")).isEqualTo("PINDAH");
        assertThat(decisionLine(reports2, mismatchRow, "ATTRIBUTE_MISMATCH", "alasan")).isEqualTo("pindah ke desa lain");
        assertThat(decisionLine(reports2, nikRow, "NIK_CORRECTED", "status_keputusan")).isEqualTo("DIPUTUSKAN: TERIMA");
        assertThat(decisionLine(reports2, deceasedRow, "DECEASED_BENEFICIARY", "status_keputusan")).isEqualTo("MENUNGGU PERSETUJUAN: MENINGGAL");
        Path kabOfMismatch = kabupatenFolder(reports2, mismatchRow, "ATTRIBUTE_MISMATCH");
        String findingStatus = null;
        List<String[]> findingRows = read(kabOfMismatch.resolve("findings.csv"));
        for (String[] r : findingRows.subList(1, findingRows.size())) {
            if ((r[col(findingRows.get(0), "program")] + "/" + r[col(findingRows.get(0), "kunci_baris")]).equals(mismatchRow)
                    && r[col(findingRows.get(0), "kode_temuan")].equals("ATTRIBUTE_MISMATCH")) findingStatus = r[col(findingRows.get(0), "status_keputusan")];
        }
        assertThat(findingStatus).isEqualTo("DIJELASKAN: PINDAH (pindah ke desa lain)");
        // changes.csv counts the explained finding as explained (dijelaskan), not as still open; its other columns agree
        // with findings.csv's change column for that code and program, where the explained row says DIJELASKAN too.
        String mismatchProgram = mismatchRow.substring(0, mismatchRow.indexOf('/'));
        String[] fh = findingRows.get(0);
        Map<String, Integer> byChange = new java.util.HashMap<>();
        for (String[] r : findingRows.subList(1, findingRows.size())) {
            if (r[col(fh, "program")].equals(mismatchProgram) && r[col(fh, "kode_temuan")].equals("ATTRIBUTE_MISMATCH")) byChange.merge(r[col(fh, "perubahan")], 1, Integer::sum);
        }
        assertThat(byChange.get("DIJELASKAN")).as("the explained row in findings.csv").isEqualTo(1);
        List<String[]> changes = read(kabOfMismatch.resolve("changes.csv"));
        String[] ch = changes.get(0);
        String[] mismatchChanges = changes.subList(1, changes.size()).stream()
                .filter(r -> r[col(ch, "kode_temuan")].equals("ATTRIBUTE_MISMATCH") && r[col(ch, "program")].equals(mismatchProgram)).findFirst().orElseThrow();
        assertThat(n(mismatchChanges[col(ch, "dijelaskan")])).isEqualTo(1);
        assertThat(n(mismatchChanges[col(ch, "masih_terbuka")])).isEqualTo(byChange.getOrDefault("MASIH TERBUKA", 0));
        assertThat(n(mismatchChanges[col(ch, "baru")])).isEqualTo(byChange.getOrDefault("BARU", 0));
        assertThat(n(mismatchChanges[col(ch, "selesai")])).isEqualTo(byChange.getOrDefault("SELESAI", 0));
        assertThat(Files.readString(kabOfMismatch.resolve("report.html"))).contains("DIJELASKAN: PINDAH (pindah ke desa lain)");
        String extracts = extractsText(out.resolve("run-" + run2).resolve("extracts"));
        assertThat(occurrences(extracts, "ATTRIBUTE_MISMATCH=PINDAH")).as("the explained row in its corrected extract").isEqualTo(1);
        assertThat(occurrences(extracts, "NIK_CORRECTED=TERIMA")).isEqualTo(1);
        assertThat(occurrences(extracts, "=MENINGGAL")).as("a decision awaiting its approver is not yet in the extracts").isZero();
        // ... and a reviewer file of the second run, imported as it is, changes nothing: it carries the standing decisions.
        List<Path> files2;
        try (Stream<Path> st = Files.walk(reports2)) {
            files2 = st.filter(p -> p.getFileName().toString().equals("decisions.csv") && !p.getParent().getFileName().toString().equals("NASIONAL")).sorted().toList();
        }
        int unchanged2 = 0;
        for (Path f : files2) {
            InProcess.Result r = InProcess.padan(db, "review", "import", f.toString(), "--reviewer", "ani", "--config", config);
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains(" 0 decided (0 awaiting an approver)").contains(" 0 refused");
            var m = java.util.regex.Pattern.compile("([\\d,]+) unchanged").matcher(r.output());
            assertThat(m.find()).isTrue();
            unchanged2 += n(m.group(1));
        }
        assertThat(unchanged2).as("the explained, the accepted NIK and the one awaiting approval").isGreaterThanOrEqualTo(3);

        // A registry name changed behind one decided SAMA pair: that decision is stale, the row back in the queue.
        String samaRow = decided.entrySet().stream().filter(e -> e.getValue().equals("SAMA")).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        String registryKey;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            registryKey = registryKey(c, run1, candidateOf.get(samaRow));
        }
        Path changed = tmp.resolve("in2");
        Files.createDirectories(changed);
        try (Stream<Path> s = Files.list(input)) {
            for (Path p : s.toList()) Files.copy(p, changed.resolve(p.getFileName()));
        }
        Path registry = changed.resolve("dukcapil_20261123.csv");
        // read and written byte for byte (the generated registry has deliberately broken bytes on other lines)
        List<String> lines = new ArrayList<>(Files.readAllLines(registry, StandardCharsets.ISO_8859_1));
        boolean renamed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(registryKey + "|")) {
                String[] f = lines.get(i).split("\\|", -1);
                f[2] = f[2] + " SUPARDI";
                lines.set(i, String.join("|", f));
                renamed = true;
            }
        }
        assertThat(renamed).isTrue();
        Files.write(registry, lines, StandardCharsets.ISO_8859_1);
        String[] run3 = {"run", "--input", changed.toString(), "--as-of", AS_OF.toString(), "--out", out.toString(), "--config", config, "--force"};
        assertThat(InProcess.padan(db, run3).exit()).isZero();
        long r3 = Sql.longValue(db, "select max(run_id) from padan.run");
        String[] sk = samaRow.split("/", 2);
        assertThat(Sql.text(db, "select e.state from padan.review_effect e join padan.review_decision d using (decision_id) where e.run_id = " + r3
                + " and d.source = '" + sk[0] + "' and d.record_key = '" + sk[1] + "'")).isEqualTo("STALE");
        assertThat(Sql.longValue(db, "select count(*) from padan.review_effect where run_id = " + r3 + " and state = 'STALE'")).isEqualTo(1);
        assertThat(Sql.longValue(db, "select count(*) from padan.review_effect where run_id = " + r3 + " and state = 'HELD'")).isEqualTo(decided.size() + 1);
        assertThat(queue(db, r3, samaRow, "REVIEW_POSSIBLE_MATCH")).as("back in the queue, stale").isEqualTo("STALE");
        assertThat(Sql.text(db, "select keputusan from padan.review_item where run_id = " + r3 + " and source || '/' || record_key = '" + samaRow
                + "' and code = 'REVIEW_POSSIBLE_MATCH'")).as("with the old decision shown").isEqualTo("SAMA");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            assertThat(personOf(c, r3, sk[0], sk[1])).as("a stale decision is not applied").isNotEqualTo(candidateOf.get(samaRow));
        }

        // The audit table refuses UPDATE and DELETE, to the login that owns it too.
        assertThatThrownBy(() -> Sql.execute(db, "update padan.review_audit set actor = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.execute(db, "delete from padan.review_decision")).hasMessageContaining("append-only");
    }

    /** The kabupaten folder whose decisions.csv lists the row's finding. */
    private static Path kabupatenFolder(Path reports, String row, String code) throws Exception {
        try (Stream<Path> st = Files.list(reports)) {
            for (Path dir : st.filter(d -> !d.getFileName().toString().equals("NASIONAL")).sorted().toList()) {
                if (decisionLineIn(dir.resolve("decisions.csv"), row, code, "kode_temuan") != null) return dir;
            }
        }
        throw new AssertionError(row + " " + code + " in no kabupaten's decisions.csv");
    }

    /** A column of the row's line in its kabupaten's decisions.csv. */
    private static String decisionLine(Path reports, String row, String code, String column) throws Exception {
        return decisionLineIn(kabupatenFolder(reports, row, code).resolve("decisions.csv"), row, code, column);
    }

    private static String decisionLineIn(Path decisions, String row, String code, String column) throws Exception {
        if (!Files.exists(decisions)) return null;
        List<String[]> rows = read(decisions);
        String[] h = rows.get(0);
        for (String[] r : rows.subList(1, rows.size())) {
            if ((r[col(h, "program")] + "/" + r[col(h, "kunci_baris")]).equals(row) && r[col(h, "kode_temuan")].equals(code)) return r[col(h, column)];
        }
        return null;
    }

    /** Every corrected extract of a run, as one text (bytes read as ISO-8859-1: the codes are ASCII in every encoding). */
    private static String extractsText(Path extracts) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> st = Files.walk(extracts)) {
            for (Path p : st.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().contains("_DITOLAK")
                    && !p.getFileName().toString().contains("BACA_SAYA")).sorted().toList()) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static boolean hasReviewRows(Path decisions) {
        try {
            return Files.readString(decisions).contains("REVIEW_POSSIBLE_MATCH");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String queue(TestDatabase.Db db, long run, String row, String code) {
        return Sql.text(db, "select queue from padan.review_item where run_id = " + run + " and source || '/' || record_key = '" + row + "' and code = '" + code + "'");
    }

    private static int n(String s) {
        return Integer.parseInt(s.replace(",", ""));
    }

    private static String quoted(java.util.Collection<String> keys) {
        return String.join(", ", keys.stream().map(k -> "'" + k.replace("'", "''") + "'").toList());
    }

    private static int col(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].replace("\uFEFF", "").equals(name)) return i;
        throw new AssertionError("no column " + name);
    }

    private static String registryKey(Connection c, long run, long personId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select record_key from padan.source_record where run_id = ? and person_id = ? and source = 'DUKCAPIL'")) {
            ps.setLong(1, run);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("registry row of person " + personId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long personOf(Connection c, long run, String source, String key) throws Exception {
        return Long.parseLong(sourceRecord(c, run, source, key, "person_id"));
    }

    private static String sourceRecord(Connection c, long run, String source, String key, String column) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select " + column + " from padan.source_record where run_id = ? and source = ? and record_key = ?")) {
            ps.setLong(1, run);
            ps.setString(2, source);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(source + "/" + key + " in run " + run).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static List<String[]> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            List<String[]> rows = new ArrayList<>(it.readAll());
            if (!rows.isEmpty() && rows.get(0).length > 0) rows.get(0)[0] = rows.get(0)[0].replace("\uFEFF", "");
            return rows;
        }
    }

    private static void write(Path file, List<String[]> rows) throws Exception {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            try (SequenceWriter w = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
                for (String[] r : rows) w.write(r);
            }
        }
    }
}
