package org.unspin.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.unspin.corpus.JsonlRecord;
import org.unspin.corpus.RecordAnnotator;

/**
 * The JSONL input of the Spark jobs as bytes (Hadoop's {@link TextInputFormat}: files, folders, globs, gzip and
 * the other Hadoop codecs; the files in path order), so that each line is decoded by the CLI's strict UTF-8 decoder and parsed into a
 * record by the CLI's {@link JsonlRecord}: a bad line is the same bad record, for the same reason, as in
 * {@code unspin fix --jsonl} and {@code unspin learn --jsonl}. (Spark's own text source would decode each line
 * with U+FFFD for invalid UTF-8 and so hand on a broken record as a good one.)
 */
final class JsonlInput {
    /** The CLI's record reader and writer, so both give the same bytes for a record. */
    static final ObjectMapper MAPPER = RecordAnnotator.mapper();

    private JsonlInput() {
    }

    /**
     * One input line: its bytes without the line break, its file and the byte offset of its first byte there
     * (after decompression).
     */
    record Line(String file, long offset, byte[] bytes) implements Serializable {
        /** The line as a record of {@code unspin fix --jsonl}: its object and text, or why it is bad. */
        JsonlRecord parse(String textField) {
            return JsonlRecord.read(MAPPER, bytes, bytes.length, offset, textField);
        }

        /** {@code FILE at byte OFFSET} (Spark's splits know no line numbers); just the file if offset is -1. */
        String where() {
            return offset < 0 ? file : file + " at byte " + offset;
        }
    }

    /**
     * The lines of {@code input} (a file, a folder read recursively, or a glob), file after file in path order
     * as the CLI reads a directory; files and folders whose name starts with {@code _} or {@code .} (Spark's
     * {@code _SUCCESS}, checksums) are left out. Files are named as the input names them, as in the CLI.
     */
    static JavaRDD<Line> read(SparkSession spark, String input) {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        String qualified;
        Job job;
        try {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            qualified = fs.makeQualified(path).toString();
            job = Job.getInstance(conf);
            FileInputFormat.setInputPaths(job, files(fs, path, input).toArray(Path[]::new));
        } catch (IOException e) {
            throw new JobError("--input " + input + ": " + e.getMessage());
        }
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) JavaSparkContext
                .fromSparkContext(spark.sparkContext())
                .newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
        return lines.mapPartitionsWithInputSplit((split, in) -> {
            String found = ((FileSplit) split).getPath().toString();
            String file = found.equals(qualified) ? input : found.startsWith(qualified + "/")
                    ? input + found.substring(qualified.length()) : found;
            return new Iterator<Line>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Line next() {
                    var t = in.next();
                    return new Line(file, t._1().get(), t._2().copyBytes()); // Hadoop reuses the Text
                }
            };
        }, true);
    }

    private static List<Path> files(FileSystem fs, Path pattern, String input) throws IOException {
        FileStatus[] matches = fs.globStatus(pattern);
        List<Path> files = new ArrayList<>();
        for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
            if (!match.isDirectory()) {
                files.add(match.getPath());
                continue;
            }
            int depth = match.getPath().depth();
            for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true); it.hasNext(); ) {
                Path file = it.next().getPath();
                if (visible(file, depth)) {
                    files.add(file);
                }
            }
        }
        if (files.isEmpty()) {
            throw new JobError("--input " + input + ": no such file or folder");
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /** Whether no name below the matched folder (at {@code depth}) starts with {@code _} or {@code .}. */
    private static boolean visible(Path file, int depth) {
        for (Path p = file; p != null && p.depth() > depth; p = p.getParent()) {
            if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
