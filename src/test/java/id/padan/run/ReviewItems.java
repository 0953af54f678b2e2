package id.padan.run;

import id.padan.TestDatabase;

/**
 * Open items of the review queue written straight into the store (a published run 1, its staged rows, findings and
 * queue items, the queue's counts), not produced by a run: for tests and the benchmark of the review page that need a
 * queue but not the matching behind it. Item {@code i} (1..n) is PKH row {@code KPM<i>} of kabupaten
 * {@code kabupaten[(i - 1) % kabupaten.length]}; every tenth is a DECEASED_BENEFICIARY, the others an ATTRIBUTE_MISMATCH.
 */
final class ReviewItems {
    private ReviewItems() {}

    static void write(TestDatabase.Db db, int n, String... kabupaten) {
        String kab = "(array['" + String.join("','", kabupaten) + "'])[(i - 1) % " + kabupaten.length + " + 1]";
        Sql.execute(db, """
                insert into padan.run (run_id, as_of, input_dir, input_fingerprint, published_at, finished_at, status)
                    values (1, date '2026-11-23', 'bench', 'bench', now(), now(), 'COMPLETED');
                insert into padan.staged_row (run_id, source, record_key, line_no, nik_raw, nik, nik_status, name_raw, name, birth_date,
                    birth_date_status, sex, region_desa, region_kec, region_kab, region_status)
                select 1, 'PKH', 'KPM' || i, i + 1, %2$s || lpad(i::text, 12, '0'), %2$s || lpad(i::text, 12, '0'), 'VALID', 'NAMA ' || i, 'NAMA ' || i,
                       date '1980-01-01' + (i %% 10000), 'OK', 'P', %2$s || '010001', %2$s || '01', %2$s, 'KNOWN'
                from generate_series(1, %1$d) i;
                insert into padan.finding (run_id, source, record_key, code, person_id, region_code, severity, detail)
                select 1, 'PKH', 'KPM' || i, case when i %% 10 = 0 then 'DECEASED_BENEFICIARY' else 'ATTRIBUTE_MISMATCH' end, i, %2$s || '010001',
                       case when i %% 10 = 0 then 'ERROR' else 'WARNING' end, 'jenis kelamin berbeda dengan Dukcapil'
                from generate_series(1, %1$d) i;
                insert into padan.review_queue_item (run_id, source, record_key, code, kabupaten, severity, harm, person_id, sent_nik, sent_name, sent_birth,
                    sent_sex, sent_region, reg_nik, reg_name, reg_birth, reg_sex, reg_region, detail, sent_evidence, reg_evidence)
                select f.run_id, f.source, f.record_key, f.code, s.region_kab, f.severity, case when f.code = 'DECEASED_BENEFICIARY' then 1 else 5 end, f.person_id,
                       s.nik_raw, s.name_raw, s.birth_date, s.sex, s.region_desa, s.nik, s.name_raw, s.birth_date, 'L', s.region_desa, f.detail,
                       padan.row_evidence(s), padan.row_evidence(null::padan.staged_row)
                from padan.finding f join padan.staged_row s using (run_id, source, record_key);
                analyze padan.staged_row; analyze padan.finding; analyze padan.review_queue_item;
                """.formatted(n, kab) + id.padan.review.ReviewStage.QUEUE_COUNTS.replace("?", "1") + ";");
    }
}
