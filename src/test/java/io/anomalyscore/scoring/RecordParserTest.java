package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.MedianImputer;
import io.anomalyscore.model.Preprocessor;
import io.anomalyscore.model.Standardizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and validation of request bodies, without Quarkus or a model. */
class RecordParserTest {

    private static final List<String> FEATURES = List.of("a", "b");
    private static final Standardizer SCALE = new Standardizer(new double[] {0, 0}, new double[] {1, 1e-30});

    private static ScoreRequest parse(Preprocessor preprocessor, String body) {
        return new RecordParser(FEATURES, preprocessor, 3, 1000).parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ScoreRequest parse(String body) {
        return parse(new Preprocessor(SCALE, null), body);
    }

    @Test
    void namedAndPositionalRecordsGiveRowsInFeatureOrder() {
        ScoreRequest request = parse("{\"records\":[{\"b\":2,\"a\":1},[3,4]],\"explain\":true}");
        assertThat(request.rows()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(request.explain()).isTrue();
        assertThat(parse("{\"records\":[[1,2]]}").explain()).isNull();
    }

    @Test
    void everyViolationIsNamed() {
        assertThatThrownBy(() -> parse("{\"records\":[{\"a\":\"x\",\"c\":1},[1],{\"a\":1,\"b\":1e10}]}"))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors()).containsExactly(
                        new RecordError(0, "a", "expected a number, got a string"),
                        new RecordError(0, "c", "unknown feature"),
                        new RecordError(0, "b", "missing feature"),
                        new RecordError(1, null, "the array holds 1 values; the model expects 2 in the order [a, b]"),
                        new RecordError(2, "b", "value out of range for this model")));
    }

    @Test
    void theParserRefusesExactlyWhatThePreprocessorCannotTake() {
        Preprocessor preprocessor = new Preprocessor(SCALE, null);
        // feature b has scale 1e-30: the float range ends near 3.4e8
        String[] values = {"0", "-0.0", "3.4e8", "3.41e8", "-3.41e8", "1e308", "1e999", "12345678901234567890"};
        for (String v : values) {
            double raw = Double.parseDouble(v);
            String body = "{\"records\":[[0," + v + "]]}";
            if (preprocessor.defect(1, raw) == null) {
                assertThat(parse(preprocessor, body).rows()[0][1]).as(v).isEqualTo(raw);
                assertThat(preprocessor.transform(new double[] {0, raw})[1]).as(v).isFinite();
            } else {
                assertThatThrownBy(() -> parse(preprocessor, body)).as(v)
                        .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors())
                                .containsExactly(new RecordError(0, "b", "value out of range for this model")));
                assertThatThrownBy(() -> preprocessor.transform(new double[] {0, raw})).as(v)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void nullIsMissingOnlyWithAnImputer() {
        assertThatThrownBy(() -> parse("{\"records\":[[null,1]]}")).isInstanceOf(InvalidRecordsException.class);
        Preprocessor imputing = new Preprocessor(SCALE, new MedianImputer(new double[] {5, 6}));
        assertThat(parse(imputing, "{\"records\":[[null,1]]}").rows()[0][0]).isNaN();
    }

    @Test
    void limits() {
        assertThatThrownBy(() -> parse("{\"records\":[[1,1],[1,1],[1,1],[1,1]]}"))
                .isInstanceOf(InvalidRecordsException.class).hasMessageContaining("send 1 to 3");
        assertThatThrownBy(() -> parse("{\"records\":[[" + "9".repeat(200) + ",1]]}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("parser limit");
        assertThatThrownBy(() -> parse("{\"records\":[[1,1]]," + " ".repeat(1000) + "\"explain\":true}"))
                .isInstanceOf(MalformedJsonException.class);
    }
}
