package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.packs.importer.CsvReader.CsvRecord;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> read(String csv) {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void plainFieldsAreSplitOnCommas() {
        List<CsvRecord> records = read("a,b,c\n1,,3\n");
        assertThat(records)
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b", "c"), List.of("1", "", "3"));
        assertThat(records).extracting(CsvRecord::error).containsOnlyNulls();
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() {
        List<CsvRecord> records = read("x,\"a, \"\"b\"\"\nc\"\ny,z\n");
        assertThat(records.get(0).fields()).containsExactly("x", "a, \"b\"\nc");
        assertThat(records.get(1).fields()).containsExactly("y", "z");
    }

    @Test
    void recordsKnowTheLineTheyStartOnWhenAFieldSpansLines() {
        List<CsvRecord> records = read("h\n\"one\ntwo\nthree\"\nnext\n");
        assertThat(records).extracting(CsvRecord::number).containsExactly(1, 2, 3);
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 5);
    }

    @Test
    void crlfAndAMissingFinalNewlineAreFine() {
        List<CsvRecord> records = read("a,b\r\n\"c\r\nd\",e");
        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b"), List.of("c\r\nd", "e"));
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(read("\uFEFFclass,tweet\n").get(0).fields()).containsExactly("class", "tweet");
    }

    @Test
    void anEmptyQuotedFieldIsEmpty() {
        assertThat(read("\"\",x\n").get(0).fields()).containsExactly("", "x");
    }

    @Test
    void textAfterAClosingQuoteMarksTheRecordAndReadingResumesOnTheNextLine() {
        List<CsvRecord> records = read("\"ab\"c,d\nok,1\n");
        assertThat(records.get(0).error()).contains("after a closing quote");
        assertThat(records.get(1).fields()).containsExactly("ok", "1");
        assertThat(records.get(1).error()).isNull();
    }

    @Test
    void aQuoteInsideAnUnquotedFieldMarksTheRecord() {
        List<CsvRecord> records = read("ab\"c,d\nok,1\n");
        assertThat(records.get(0).error()).contains("quote inside an unquoted field");
        assertThat(records.get(1).malformed()).isFalse();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedWithTheLineItOpenedOn() {
        List<CsvRecord> records = read("a,b\nc,\"never closed\nmore\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).error()).contains("not closed").contains("line 2");
    }

    @Test
    void anEmptyLineIsABlankRecord() {
        List<CsvRecord> records = read("a\n\nb\n");
        assertThat(records).extracting(CsvRecord::blank).containsExactly(false, true, false);
    }
}
