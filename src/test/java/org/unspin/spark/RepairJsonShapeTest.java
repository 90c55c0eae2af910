package org.unspin.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Unspinner;
import org.unspin.corpus.EditJson;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.EditDetail;
import org.unspin.server.UnspinServer;

/**
 * One repair, written by fix --format json, the server's /api/repair and the corpus/Spark annotator: the edits
 * have one shape (the CLI adds line and column after the span, the server LanguageTool's category name and
 * rule id at the end), the CLI and the server one score object, and the Spark schema the annotator's fields.
 */
class RepairJsonShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club.\u00a0";

    private static List<String> names(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> full() {
        return EditJson.editFields(EditDetail.FULL).stream().map(EditJson.Field::name).toList();
    }

    @Test
    void cliServerAndSparkWriteOneShape(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("in.txt"), TEXT);
        StringWriter out = new StringWriter();
        assertThat(org.unspin.cli.Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "fix", "--format", "json", file.toString())).isZero();
        JsonNode cli = JSON.readTree(out.toString());

        Unspinner unspinner = Unspinner.withDefaults();
        UnspinServer server = new UnspinServer(unspinner, new UnspinServer.Config("127.0.0.1", 0, 10_000, 1, 8),
                "test", line -> { });
        server.start();
        JsonNode api;
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "api/repair"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(JSON.createObjectNode().put("text", TEXT)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            api = JSON.readTree(r.body());
        } finally {
            server.stop(Duration.ofSeconds(2));
        }

        ObjectNode record = JSON.createObjectNode().put("text", TEXT);
        new RecordAnnotator(unspinner, "text", true, EditDetail.FULL, null).annotate(record);
        JsonNode unspin = record.get(RecordAnnotator.FIELD);

        assertThat(cli.get("edits").size()).isGreaterThanOrEqualTo(2).isEqualTo(api.get("edits").size())
                .isEqualTo(unspin.get("edits").size());
        List<String> withPosition = new ArrayList<>(full());
        withPosition.addAll(2, List.of("line", "column"));
        List<String> withLanguageTool = new ArrayList<>(full());
        withLanguageTool.addAll(List.of("categoryName", "ruleId"));
        for (int i = 0; i < cli.get("edits").size(); i++) {
            JsonNode c = cli.get("edits").get(i), a = api.get("edits").get(i), s = unspin.get("edits").get(i);
            assertThat(names(c)).isEqualTo(withPosition);
            assertThat(names(a)).isEqualTo(withLanguageTool);
            assertThat(names(s)).isEqualTo(full());
            for (String field : full()) {
                assertThat(c.get(field)).as(field).isEqualTo(s.get(field)).isEqualTo(a.get(field));
            }
        }
        assertThat(api.get("score")).isEqualTo(cli.get("score"));
        assertThat(names(cli.get("score"))).startsWith("words", "findings", "perThousandWords", "spinProbability")
                .endsWith("byCategory");

        StructType schema = OutputSchema.unspin(EditDetail.FULL);
        List<String> columns = new ArrayList<>(List.of(schema.fieldNames()));
        if (!unspin.has("checkedWords")) { // written only where the prior marks a record as spun
            columns.removeAll(List.of("contextAnomaly", "checkedWords"));
        }
        assertThat(names(unspin)).isEqualTo(columns);
        StructType edit = (StructType) ((org.apache.spark.sql.types.ArrayType) schema.apply("edits").dataType())
                .elementType();
        assertThat(List.of(edit.fieldNames())).isEqualTo(full());
        assertThat(List.of(((StructType) ((org.apache.spark.sql.types.ArrayType) OutputSchema.unspin(
                EditDetail.SUMMARY).apply("edits").dataType()).elementType()).fieldNames()))
                .containsExactly("start", "end", "original", "replacement", "category", "applied");
    }
}
