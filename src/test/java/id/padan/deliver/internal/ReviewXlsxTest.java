package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import id.padan.deliver.ReviewCell;
import id.padan.deliver.ReviewText;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XLSX read back with Apache POI: text stays text (no formula, no added apostrophe), numbers stay numbers, NIKs masked. */
class ReviewXlsxTest {
    @TempDir
    Path dir;

    @Test
    void formulaLikeTextRoundTripsAsAStringCell() throws Exception {
        Path f = dir.resolve("t.xlsx");
        try (ReviewXlsx x = new ReviewXlsx(f)) {
            x.sheet("Jumlah", List.of("kode", "nama", "jumlah"));
            x.row(List.of(ReviewText.of("=HYPERLINK(\"http://x\",\"klik\")"), ReviewText.of("-BUDI"), ReviewCell.count(42)));
            x.row(Arrays.asList(ReviewText.of("@SUM(A1)"), ReviewText.of("NIK 3603014708900001"), null));
            x.row(List.of(ReviewText.key("0012345678"), ReviewText.id(19562), ReviewCell.count(1)));
            x.sheet("Kosong", List.of("a"));
        }
        try (InputStream in = Files.newInputStream(f); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet s = wb.getSheet("Jumlah");
            assertThat(s.getRow(0).getCell(2).getStringCellValue()).isEqualTo("jumlah");
            assertThat(s.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"klik\")");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("-BUDI");
            assertThat(s.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(42.0);
            assertThat(s.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("NIK 360301**********");
            // Identifiers are text cells formatted as text: a NISN keeps its leading zeros when the cell is edited.
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("0012345678");
            assertThat(s.getRow(3).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(s.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(3).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
        }
    }
}
