package id.padan.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.Partition;
import id.padan.standardise.StagedRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A staged row comes back from {@code padan.staged_row} exactly as ingest wrote it, every value set and
 * every optional value null, through the same writer and reader the stages use; rows of another run are not
 * among a run's rows, and a run's rows come by source, then line.
 */
class StagingTableIT {

    @Test
    void rowsComeBackAsWrittenInSourceAndLineOrder() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        StagedRow full = new StagedRow("PKH", "K-1", 7, " 3171-0123 ", "3171012345670001", "VALID", "spaces removed",
                "3171019876540002", "Hj. Siti\tAminah", "SITI AMINAH", "AMINAH SITI", true, LocalDate.of(1980, 2, 29), "OK", 'P',
                "ISTRI", "3171010001", "317101", "3171", "KNOWN", LocalDate.of(2025, 12, 31), "F-9", "Ibu \\ Sumi", "Jakarta",
                "AKTIF", "BALITA", "JL. MERDEKA\nNO. 1");
        StagedRow sparse = new StagedRow("DUKCAPIL", "N-2", 3, null, null, "MISSING", null, null, null, null, null, false, null,
                "MISSING", null, null, null, null, null, null, null, null, null, null, null, null, null);
        StagedRow earlierLine = new StagedRow("PKH", "K-0", 2, null, null, "MISSING", null, null, "Ani", "ANI", "ANI", false, null,
                "INVALID", 'L', null, null, null, null, null, null, null, null, null, null, null, null);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (StagingWriter w = new StagingWriter(c, 1)) {
                w.write(full);
                w.write(sparse);
                w.write(earlierLine);
            }
            try (StagingWriter w = new StagingWriter(c, 2)) {
                w.write(full);
            }
            c.commit();
        }
        var staged = new JdbcStagedRun(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        assertThat(staged.rows(1)).containsExactly(sparse, earlierLine, full);
        assertThat(staged.rows(3)).isEmpty();
    }

    @Test
    void thePartitionsOfARunHoldEachRowOnceWithTheRowsOfOneNikTogether() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        List<StagedRow> written = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String nik = i % 5 == 0 ? null : String.format("3201%02d1234%06d", i % 40, i % 150); // every NIK twice
            written.add(new StagedRow(i % 2 == 0 ? "DUKCAPIL" : "PKH", "K" + i, i + 2, nik, nik, nik == null ? "MISSING" : "VALID", null,
                    null, "N" + i, "N" + i, "N" + i, false, null, "MISSING", null, null, null, null, null, null, null, null, null, null,
                    null, null, null));
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (StagingWriter w = new StagingWriter(c, 1)) {
                written.forEach(w::write);
            }
            c.commit();
        }
        var staged = new JdbcStagedRun(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        List<StagedRow> all = new java.util.ArrayList<>();
        java.util.Map<String, Integer> partitionOfNik = new java.util.HashMap<>();
        for (Partition p : Partition.of(4)) {
            for (StagedRow r : staged.rows(1, p, null)) {
                all.add(r);
                if (r.nik() != null) assertThat(partitionOfNik.merge(r.nik(), p.index(), (a, b) -> a.equals(b) ? a : -1)).as(r.nik()).isNotNegative();
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(written);
        assertThat(staged.rows(1, Partition.all(), "PKH")).hasSize(150).allMatch(r -> r.source().equals("PKH"));
        assertThat(java.util.Arrays.stream(staged.bucketSizes(1)).sum()).isEqualTo(300);
    }

    @Test
    void everyColumnOfTheRowIsInTheTable() {
        // A component added to StagedRow without a column would be silently lost between stages.
        assertThat(StagingTable.COUNT).isEqualTo(StagedRow.class.getRecordComponents().length);
        assertThat(List.of(StagingTable.NAMES.split(", "))).doesNotHaveDuplicates();
    }
}
