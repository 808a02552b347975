package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.MedianImputer;
import io.anomalyscore.model.Preprocessor;
import io.anomalyscore.model.Standardizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Distributed Map batch parser on its own: the model's id column by default, imputation of empty cells. */
class ItemBatchParserTest {

    private static final List<String> FEATURES = List.of("a", "b");
    private static final Standardizer SCALE = new Standardizer(new double[] {0, 0}, new double[] {1, 1});

    private static ScoreRequest parse(Preprocessor preprocessor, String modelId, String body) {
        RecordParser json = new RecordParser(FEATURES, preprocessor, modelId, 3, 1000);
        return new ItemBatchParser(json, FEATURES, preprocessor, modelId, 3).parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theModelsIdColumnIsTheDefaultAndBatchInputOverridesIt() {
        Preprocessor p = new Preprocessor(SCALE, null);
        ScoreRequest request = parse(p, "visit", "{\"Items\":[{\"visit\":\"7\",\"a\":\"1\",\"b\":\"-2.5e1\"}]}");
        assertThat(request.rows()).isDeepEqualTo(new double[][] {{1, -25}});
        assertThat(request.ids().get(0).textValue()).isEqualTo("7"); // text, as the CSV had it
        request = parse(p, "visit", "{\"BatchInput\":{\"idColumn\":\"order\",\"ignoreColumns\":[\"visit\"]},"
                + "\"Items\":[{\"order\":\"A-1\",\"visit\":\"7\",\"a\":1,\"b\":\"2\"}]}");
        assertThat(request.ids().get(0).textValue()).isEqualTo("A-1");
        assertThat(request.explain()).isNull();
    }

    @Test
    void emptyCellsAreMissingValuesForTheImputer() {
        Preprocessor imputing = new Preprocessor(SCALE, new MedianImputer(new double[] {5, 6}));
        ScoreRequest request = parse(imputing, null, "{\"Items\":[{\"a\":\"\",\"b\":\" \"}]}");
        assertThat(request.rows()[0][0]).isNaN();
        assertThat(request.rows()[0][1]).isNaN();
    }

    @Test
    void itemsMustBeRowObjectsAndTheBatchHoldsNothingElse() {
        Preprocessor p = new Preprocessor(SCALE, null);
        assertThatThrownBy(() -> parse(p, null, "{\"Items\":[[\"1\",\"2\"]]}"))
                .isInstanceOfSatisfying(InvalidRecordsException.class,
                        e -> assertThat(e.errors()).containsExactly(new RecordError(0, null, "not an object")));
        assertThatThrownBy(() -> parse(p, null, "{\"Items\":[{\"a\":\"1\",\"b\":\"2\"}],\"records\":[]}"))
                .isInstanceOf(InvalidRecordsException.class).hasMessageContaining("unknown field \"records\"");
        assertThatThrownBy(() -> parse(p, null, "{\"Items\":{}}"))
                .isInstanceOf(InvalidRecordsException.class).hasMessageContaining("\"Items\" must be an array");
        assertThatThrownBy(() -> parse(p, null, "{\"Items\":[{\"a\":\"1\",\"b\":\"" + "1".repeat(101) + "\"}]}"))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors())
                        .containsExactly(new RecordError(0, null, "b", "expected a number, got text longer than 100"
                                + " characters")));
    }
}
