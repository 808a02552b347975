package io.anomalyscore.model;

/**
 * Preprocessing parameters as stored in the manifest.
 *
 * @param imputation {@code none} (missing values rejected) or {@code median}
 * @param mean per-feature training mean
 * @param scale per-feature training standard deviation (1 for constant columns)
 * @param medians per-feature training median when {@code imputation = median}, else {@code null}
 */
public record Preprocessing(String imputation, double[] mean, double[] scale, double[] medians) {

    /** The stored form of {@code preprocessor}. */
    public static Preprocessing of(Preprocessor preprocessor) {
        Standardizer s = preprocessor.standardizer();
        MedianImputer imputer = preprocessor.imputer();
        return new Preprocessing(
                imputer == null ? "none" : "median",
                s.mean(),
                s.scale(),
                imputer == null ? null : imputer.medians());
    }

    /** The runtime preprocessor these parameters describe. */
    public Preprocessor toPreprocessor() {
        MedianImputer imputer = switch (imputation) {
            case "none" -> null;
            case "median" -> new MedianImputer(medians);
            default -> throw new IllegalArgumentException("unknown imputation: " + imputation);
        };
        return new Preprocessor(new Standardizer(mean, scale), imputer);
    }
}
