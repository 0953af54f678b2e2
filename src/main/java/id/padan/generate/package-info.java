/**
 * Sample data with ground truth: a deterministic generator of the four extracts of
 * {@code spec/extracts.md} with the error families of {@code spec/domain.md}.
 *
 * <p>{@code new ExtractGenerator(GeneratorOptions.of(persons, seed)).generate(dir)} writes, into {@code dir}:
 * <ul>
 *   <li>{@code dukcapil_YYYYMMDD.csv}, {@code pkh_...}, {@code pbi_...}, {@code kip_...} (date = as-of),
 *       each in its source's exact format;</li>
 *   <li>{@code truth.csv} (UTF-8, comma, header, RFC 4180): one row per physical data line of every extract,
 *       columns {@code source, file, line_no, record_key, person, registry_nik, damaged, carried_correct_nik,
 *       codes, errors}. {@code line_no} counts physical lines with the header as 1 (blank lines count, have
 *       no truth row). {@code codes} are the findings the row truly has under {@code spec/contract.md}
 *       (NIK_MISSING, NIK_MALFORMED, NIK_STRUCTURE, NIK_CORRECTED, NOT_IN_DUKCAPIL, DUPLICATE_IN_PROGRAM,
 *       DECEASED_BENEFICIARY, GAP_PKH_NO_PBI, GAP_PKH_CHILD_NO_KIP, REGION_MISMATCH), counted over undamaged
 *       rows; {@code errors} lists the {@link id.padan.generate.ErrorKind}s planted in the row;</li>
 *   <li>{@code truth_summary.txt}: options, population facts, rows per file, code counts per source, totals
 *       per error family and counts per {@link id.padan.generate.ErrorKind}.</li>
 * </ul>
 *
 * <p>Every extract line is a whole record: no field holds a line break, so a reader that splits physical
 * lines first keeps an unterminated quote from swallowing the rows after it. Damage (family 9) is placed
 * only where it cannot change another row's truth: registry rows of people no program lists, and program
 * rows of people listed once in that program (and, outside PKH, not in PKH).
 */
package id.padan.generate;
