package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A row with two candidates: a PKH row sent without its NIK, and its registry person twice (the same person under a
 * second NIK, every other field alike), so that neither candidate beats the other by the margin and the row goes to
 * review with one of them. A reviewer decides that one is not the person ({@code BERBEDA}); the next run removes it
 * from the row's candidates and decides on the rest under the same rules: the other one, now without a rival, is
 * linked. The model's own verdict on the judged pair (it did not link them) still counts as agreement.
 */
class NextCandidateIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void aCandidateJudgedDifferentMakesWayForTheNextOne() throws Exception {
        Path tmp = Path.of("target/next-candidate-it");
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        Path input = tmp.resolve("in");
        new ExtractGenerator(GeneratorOptions.of(1_500, 41).withAsOf(AS_OF)).generate(input);

        // A PKH row carrying its person's registry NIK, untouched by the generator's errors.
        String pkhKey = null, nik = null;
        for (String line : Files.readAllLines(input.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            String[] t = line.split(",", -1);
            if (t[0].equals("PKH") && t[5].length() == 16 && t[6].equals("false") && t[7].equals("true") && t[8].isEmpty() && t[9].isEmpty()) {
                pkhKey = t[3];
                nik = t[5];
                break;
            }
        }
        assertThat(pkhKey).isNotNull();
        // ... sent without its NIK
        Path pkh = input.resolve("pkh_20261123.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(pkh, StandardCharsets.ISO_8859_1));
        int blanked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(";", -1);
            if (f[0].equals(pkhKey)) {
                assertThat(f[2]).isEqualTo(nik);
                f[2] = "";
                lines.set(i, String.join(";", f));
                blanked++;
            }
        }
        assertThat(blanked).isEqualTo(1);
        Files.write(pkh, lines, StandardCharsets.ISO_8859_1);
        // ... and its person in the registry twice: a second NIK (another serial), everything else the same.
        Path dukcapil = input.resolve("dukcapil_20261123.csv");
        List<String> registry = new ArrayList<>(Files.readAllLines(dukcapil, StandardCharsets.ISO_8859_1));
        Set<String> niks = new HashSet<>();
        for (String l : registry) niks.add(l.split("\\|", -1)[0]);
        String twin = null;
        for (int serial = 9999; twin == null; serial--) {
            String candidate = nik.substring(0, 12) + serial;
            if (!niks.contains(candidate)) twin = candidate;
        }
        String owner = nik + "|";
        String original = registry.stream().filter(l -> l.startsWith(owner)).findFirst().orElseThrow();
        registry.add(twin + original.substring(16));
        Files.write(dukcapil, registry, StandardCharsets.ISO_8859_1);

        TestDatabase.Db db = TestDatabase.newDatabase();
        String config = PadanProcess.CONFIG.toString();
        String[] run = {"run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", tmp.resolve("out").toString(), "--config", config, "--force"};
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run1 = Sql.longValue(db, "select run_id from reconciled.current_run");
        String where = " where run_id = %d and source = 'PKH' and record_key = '" + pkhKey + "'";
        String first = Sql.text(db, "select detail_json->'candidate'->>'record_key' from padan.finding" + where.formatted(run1)
                + " and code = 'REVIEW_POSSIBLE_MATCH'");
        assertThat(first).as("the row waits for review with one of its two candidates").isIn(nik, twin);
        String next = first.equals(nik) ? twin : nik;
        assertThat(Sql.text(db, "select target_key from padan.row_link" + where.formatted(run1))).isEqualTo(first);
        long firstPerson = personOf(db, run1, "DUKCAPIL", first);

        // The reviewer: the candidate is not the person.
        Path file = tmp.resolve("keputusan.csv");
        Files.writeString(file, "program,kunci_baris,kode_temuan,kandidat_person_id,keputusan,alasan\r\n"
                + "PKH," + pkhKey + ",REVIEW_POSSIBLE_MATCH," + firstPerson + ",BERBEDA,dicek di lapangan\r\n", StandardCharsets.UTF_8);
        InProcess.Result imported = InProcess.padan(db, "review", "import", file.toString(), "--reviewer", "ani", "--config", config);
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("1 lines: 1 decided");

        // The same extracts again: the judged candidate is out of the row's candidates, and the other one is linked.
        assertThat(InProcess.padan(db, run).exit()).isZero();
        long run2 = Sql.longValue(db, "select run_id from reconciled.current_run");
        assertThat(run2).isGreaterThan(run1);
        assertThat(Sql.text(db, "select target_key from padan.row_link" + where.formatted(run2))).isEqualTo(next);
        assertThat(Sql.text(db, "select method from padan.row_link" + where.formatted(run2))).isNotEqualTo("REVIEW");
        assertThat(personOf(db, run2, "PKH", pkhKey)).isEqualTo(personOf(db, run2, "DUKCAPIL", next))
                .isNotEqualTo(personOf(db, run2, "DUKCAPIL", first));
        assertThat(Sql.longValue(db, "select count(*) from padan.finding" + where.formatted(run2) + " and code = 'REVIEW_POSSIBLE_MATCH'")).isZero();
        assertThat(Sql.text(db, "select state from padan.review_effect where run_id = " + run2)).isEqualTo("HELD");
        // what link applied, and what the model alone would have done (not linked them: it sent them to review)
        assertThat(Sql.text(db, "select target_key || ' ' || model_linked from padan.link_apart" + where.formatted(run2))).isEqualTo(first + " false");
        assertThat(Sql.text(db, "select pair_labels || '/' || model_agreed from padan.review_run where run_id = " + run2)).isEqualTo("1/1");
    }

    private static long personOf(TestDatabase.Db db, long run, String source, String key) {
        return Sql.longValue(db, "select person_id from padan.source_record where run_id = " + run + " and source = '" + source
                + "' and record_key = '" + key + "'");
    }
}
