package ai.steersynth.sweep.web;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.sweep.web.DatasetRow.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Writes a config's dataset as JSONL (one object per sample) or Parquet (the same columns), in
 * memory: a config holds at most a few thousand short samples.
 *
 * <p>Parquet goes through parquet-hadoop's example {@code Group} writer without Hadoop at run time:
 * a {@link PlainParquetConfiguration} instead of Hadoop's, {@link GzipCodecFactory} instead of
 * Hadoop's codecs, and an in-memory {@link OutputFile}.
 */
final class DatasetWriter {

    /** The Parquet schema, from {@link DatasetRow#COLUMNS}. */
    static final MessageType SCHEMA = schema();

    private DatasetWriter() {}

    static byte[] jsonl(List<DatasetRow> rows) {
        StringBuilder out = new StringBuilder();
        for (DatasetRow row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Column column : DatasetRow.COLUMNS) {
                object.put(column.name(), column.value().apply(row));
            }
            out.append(EventCodec.encode(object)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] parquet(List<DatasetRow> rows) {
        InMemoryOutputFile file = new InMemoryOutputFile();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file)
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCodecFactory(new GzipCodecFactory())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .build()) {
            for (DatasetRow row : rows) {
                Group group = groups.newGroup();
                for (Column column : DatasetRow.COLUMNS) {
                    append(group, column, column.value().apply(row));
                }
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Parquet dataset", e);
        }
        return file.bytes();
    }

    private static void append(Group group, Column column, Object value) {
        if (value == null) {
            return; // an absent optional field is Parquet's null
        }
        switch (column.type()) {
            case STRING -> group.append(column.name(), (String) value);
            case INT32 -> group.append(column.name(), ((Number) value).intValue());
            case INT64 -> group.append(column.name(), ((Number) value).longValue());
            case DOUBLE -> group.append(column.name(), ((Number) value).doubleValue());
        }
    }

    private static MessageType schema() {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : DatasetRow.COLUMNS) {
            Repetition repetition = column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
            switch (column.type()) {
                case STRING ->
                    builder.primitive(PrimitiveTypeName.BINARY, repetition)
                            .as(LogicalTypeAnnotation.stringType())
                            .named(column.name());
                case INT32 ->
                    builder.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
                case INT64 ->
                    builder.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
                case DOUBLE ->
                    builder.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            }
        }
        return builder.named("steersynth_sample");
    }

    /** A Parquet output file that collects the bytes in memory. */
    static final class InMemoryOutputFile implements OutputFile {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return buffer.size();
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            buffer.reset();
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
