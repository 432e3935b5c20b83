package ai.steersynth.packs.importer;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma-separated fields, records ended by CRLF or LF, fields that
 * contain commas, quotes or line breaks enclosed in double quotes, a quote inside them written
 * twice. A record that breaks these rules comes back with an {@link CsvRecord#error()} and reading
 * resumes at the next line, so one bad row never hides the rest of the file. A leading byte-order
 * mark is skipped.
 */
public final class CsvReader implements AutoCloseable {

    private static final int EOF = -1;

    private final PushbackReader in;
    private int line = 1;
    private int recordNumber;
    private boolean started;

    /**
     * One record.
     *
     * @param number 1-based record number in the file (the header, if any, is record 1)
     * @param line the physical line the record starts on (records may span lines)
     * @param fields the field values, unquoted
     * @param error why the record is malformed, or {@code null}
     */
    public record CsvRecord(int number, int line, List<String> fields, String error) {

        public boolean malformed() {
            return error != null;
        }

        /** A record from a line with nothing on it. */
        public boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    public CsvReader(Reader reader) {
        this.in = new PushbackReader(reader, 2);
    }

    /** The next record, or {@code null} at the end of the input. */
    public CsvRecord next() {
        try {
            if (!started) {
                started = true;
                int first = in.read();
                if (first != '\uFEFF' && first != EOF) {
                    in.unread(first);
                }
            }
            int c = in.read();
            if (c == EOF) {
                return null;
            }
            in.unread(c);
            return readRecord();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRecord readRecord() throws IOException {
        int startLine = line;
        recordNumber++;
        List<String> fields = new ArrayList<>();
        String error = null;
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == '"' && field.isEmpty()) {
                int openedOn = line;
                String problem = readQuoted(field);
                if (problem != null) {
                    fields.add(field.toString());
                    return new CsvRecord(
                            recordNumber, startLine, fields, problem + " (quote opened on line " + openedOn + ")");
                }
                c = in.read();
                if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    error = error != null
                            ? error
                            : "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")";
                    c = skipToEndOfLine(c);
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    if (c == '"' && error == null) {
                        error = "a quote inside an unquoted field; enclose the field in quotes and double the quote";
                    }
                    field.append((char) c);
                    c = in.read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                continue;
            }
            endLine(c);
            return new CsvRecord(recordNumber, startLine, fields, error);
        }
    }

    /** Reads a quoted field after its opening quote; returns a problem, or null when it closed. */
    private String readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = in.read();
            if (c == EOF) {
                return "a quoted field is not closed before the end of the file";
            }
            if (c == '"') {
                int next = in.read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                if (next != EOF) {
                    in.unread(next);
                }
                return null;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int skipToEndOfLine(int c) throws IOException {
        while (c != '\n' && c != '\r' && c != EOF) {
            c = in.read();
        }
        return c;
    }

    private void endLine(int c) throws IOException {
        if (c == '\r') {
            int next = in.read();
            if (next != '\n' && next != EOF) {
                in.unread(next);
            }
        }
        if (c == '\n' || c == '\r') {
            line++;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
