package io.anomalyscore.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where an artifact came from: its data, settings and libraries.
 *
 * @param dataSource the CSV's path or URI as given
 * @param dataSha256 sha256 of the CSV bytes
 * @param rows data rows read
 * @param trainingRows rows in the training split (before filtering to normal rows)
 * @param fittedRows rows the network was fitted on
 * @param validationRows rows in the validation split
 * @param testRows rows in the test split (0 in format 1 artifacts, and without labels)
 * @param labelColumn label column name, or {@code null} without labels
 * @param mode {@code supervised}, {@code semi-supervised} or {@code unsupervised}
 * @param hyperParameters every training setting, as text (the engine's thread count included)
 * @param epochsRun epochs trained before stopping (0 for detectors without epochs)
 * @param bestEpoch epoch whose weights were kept (lowest validation loss)
 * @param libraries DJL and PyTorch versions
 * @param machine the CPU model and architecture that trained it (PyTorch's float kernels, and so
 *     the last bits of the weights, differ between CPUs); empty in format 1 artifacts
 * @param tuning the hyper-parameter search that chose the settings ({@code objective}, {@code
 *     method}, {@code seed}, {@code trials}, {@code best}), or {@code null} (absent from the JSON)
 *     without {@code --tune} and in artifacts written before it existed
 */
public record Provenance(
        String dataSource,
        String dataSha256,
        int rows,
        int trainingRows,
        int fittedRows,
        int validationRows,
        int testRows,
        String labelColumn,
        String mode,
        Map<String, String> hyperParameters,
        int epochsRun,
        int bestEpoch,
        Map<String, String> libraries,
        Map<String, String> machine,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode tuning) {

    /** Fields added after format 2's first release; provenances written before lack them. */
    static final List<String> OPTIONAL_FIELDS = List.of("tuning");

    /** A provenance without a tuning record (a run without {@code --tune}). */
    public Provenance(String dataSource, String dataSha256, int rows, int trainingRows, int fittedRows,
            int validationRows, int testRows, String labelColumn, String mode, Map<String, String> hyperParameters,
            int epochsRun, int bestEpoch, Map<String, String> libraries, Map<String, String> machine) {
        this(dataSource, dataSha256, rows, trainingRows, fittedRows, validationRows, testRows, labelColumn, mode,
                hyperParameters, epochsRun, bestEpoch, libraries, machine, null);
    }

    public Provenance {
        tuning = tuning == null || tuning.isNull() || tuning.isMissingNode() ? null : tuning.deepCopy();
        hyperParameters = new java.util.TreeMap<>(hyperParameters);
        libraries = new java.util.TreeMap<>(libraries);
        machine = machine == null ? Map.of() : new java.util.TreeMap<>(machine);
    }

    /** A copy with {@code record} as its tuning record. */
    public Provenance withTuning(JsonNode record) {
        return new Provenance(dataSource, dataSha256, rows, trainingRows, fittedRows, validationRows, testRows,
                labelColumn, mode, hyperParameters, epochsRun, bestEpoch, libraries, machine, record);
    }
}
