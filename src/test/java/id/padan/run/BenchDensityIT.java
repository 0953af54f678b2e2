package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The density the capacity model reads a run's link-search at: the registry rows under the kecamatan code of a
 * registry row's NIK (its first six digits), averaged over the run's staged registry rows, so that a mistyped code
 * weighs as the one row it holds.
 */
class BenchDensityIT {
    @Test
    void registryRowsWithANikPerKecamatanCodeOfTheRunItself() {
        var jdbc = new JdbcTemplate(TestDatabase.newDatabase().migratedDataSource());
        // run 1: registry NIKs under codes of 4 and 2 rows and one mistyped code, a registry row without NIK, program
        // rows under a fourth code: (4 x 4 + 2 x 2 + 1 x 1) / 7 rows
        stage(jdbc, 1, "DUKCAPIL", "3201010101900001", "3201010101900002", "3201010101900003", "3201010101900004",
                "3201020101900001", "3201020101900002", "3210010101900003", null);
        stage(jdbc, 1, "PKH", "3273010101900001", "3273010101900002");
        // run 2: another run's registry under other codes
        stage(jdbc, 2, "DUKCAPIL", "1101010101900001", "1102010101900001", "1103010101900001");

        assertThat(BenchCommand.registryDensity(jdbc, "DUKCAPIL", 1)).isEqualTo(3.0);
        assertThat(BenchCommand.registryDensity(jdbc, "DUKCAPIL", 2)).isEqualTo(1.0);
        assertThat(BenchCommand.registryDensity(jdbc, "DUKCAPIL", 3)).as("a run without registry rows").isZero();
    }

    private static void stage(JdbcTemplate jdbc, long run, String source, String... niks) {
        for (int i = 0; i < niks.length; i++) {
            jdbc.update("insert into padan.staged_row (run_id, source, record_key, line_no, nik, nik_status, birth_date_status) "
                    + "values (?, ?, ?, ?, ?, ?, 'MISSING')", run, source, source + "-" + i, i + 2, niks[i], niks[i] == null ? "MISSING" : "VALID");
        }
    }
}
