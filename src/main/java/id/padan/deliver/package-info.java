/**
 * Stage 6, deliver: what a run hands to people, under {@code <out>/run-<id>/}.
 *
 * <ul>
 *   <li>{@code reports/NASIONAL/}, {@code reports/<kabupaten>/}, {@code reports/_unknown_region/}: the mismatch
 *       reports for TNP2K/TKPKD reviewers. {@code report.html} (self-contained: inline CSS and SVG charts, no
 *       script, no network), {@code counts.csv} (findings by kabupaten, kecamatan, code, program),
 *       {@code changes.csv} (new / resolved / still open since the previous published run, by code and program;
 *       a finding is identified by source, record key and code), {@code decisions.csv} (every row needing a decision,
 *       most harmful first, with the values sent, the registry's and a possible match's candidate side by side, and the
 *       empty {@code keputusan} and {@code alasan} a reviewer fills in), {@code findings.csv} (kabupaten only: every finding row with its change, and the
 *       resolved ones) and {@code report.xlsx} with the same tables. Language: {@code language} in
 *       {@code config/reports.yml} ({@code id} default, {@code en}), overridden by {@code PADAN_REPORT_LANG}.</li>
 *   <li>{@code extracts/<SOURCE>/<file>_<kabupaten>.<ext>}: corrected extracts for each dinas, in the source's own
 *       format, every line sent for that region (rejected ones included, marked {@code REJECTED}), plus
 *       {@code PADAN_STATUS}, {@code PADAN_TEMUAN}, {@code PADAN_KOREKSI}, {@code PADAN_PERSON_ID}. Lines whose
 *       region cannot be read go to {@code <file>_unknown_region.<ext>}.</li>
 *   <li>{@code summary.txt} (row accounting, including lines read against lines delivered per source) and
 *       {@code manifest.csv} (every file: kind, source, region, rows, bytes, SHA-256), also kept in
 *       {@code padan.delivered_file}.</li>
 * </ul>
 *
 * <p>Safety. Review outputs (everything under {@code reports/}) take only {@link id.padan.deliver.ReviewCell}s:
 * {@link id.padan.deliver.MaskedNik} (at most the first six digits of a NIK or KK in any shape, the rest {@code *}:
 * a NIK is kecamatan + birth date + serial, so more digits beside the row's birth date would rebuild it) and
 * {@link id.padan.deliver.ReviewText} (free text with every NIK/KK-like number masked the same way); how a submitted
 * NIK differs from the registry's is said in words. In their CSVs a cell starting with {@code = + - @}, tab or CR gets a
 * leading {@code '}; in XLSX every text is a string cell, never a formula. Corrected extracts are data for the
 * dinas's own system and go back as sent, byte for byte, except values padan corrects: no {@code '} is added
 * (it would change names and amounts such as {@code -} placeholders when the dinas loads them back), and padan
 * never writes a value of its own that starts with a formula character (such a registry value is left
 * uncorrected).
 */
package id.padan.deliver;
