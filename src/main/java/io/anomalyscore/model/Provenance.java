package io.anomalyscore.model;

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
 * @param labelColumn label column name, or {@code null} without labels
 * @param mode {@code supervised}, {@code semi-supervised} or {@code unsupervised}
 * @param hyperParameters every training setting, as text
 * @param epochsRun epochs trained before stopping
 * @param bestEpoch epoch whose weights were kept (lowest validation loss)
 * @param libraries DJL and PyTorch versions
 */
public record Provenance(
        String dataSource,
        String dataSha256,
        int rows,
        int trainingRows,
        int fittedRows,
        int validationRows,
        String labelColumn,
        String mode,
        Map<String, String> hyperParameters,
        int epochsRun,
        int bestEpoch,
        Map<String, String> libraries) {

    public Provenance {
        hyperParameters = new java.util.TreeMap<>(hyperParameters);
        libraries = new java.util.TreeMap<>(libraries);
    }
}
