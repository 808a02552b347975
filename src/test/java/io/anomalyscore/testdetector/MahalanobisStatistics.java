package io.anomalyscore.testdetector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Mean and precision matrix (inverse regularised covariance) of fitted rows.
 *
 * @param mean per-feature mean
 * @param precision inverse of {@code covariance + ridge * I}
 */
record MahalanobisStatistics(double[] mean, double[][] precision) {

    private static final ObjectMapper JSON = new ObjectMapper();

    int width() {
        return mean.length;
    }

    static MahalanobisStatistics fit(float[][] rows, double ridge) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        double[][] cov = new double[d][d];
        for (float[] row : rows) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / n;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            cov[j][j] += ridge;
        }
        return new MahalanobisStatistics(mean, invert(cov));
    }

    /** Gauss-Jordan inversion with partial pivoting; the ridge keeps the matrix well conditioned. */
    private static double[][] invert(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double p = a[c][c];
            for (int k = 0; k < 2 * d; k++) {
                a[c][k] /= p;
            }
            for (int r = 0; r < d; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * d; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inverse = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], d, inverse[i], 0, d);
        }
        return inverse;
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(Map.of("mean", mean, "precision", precision));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MahalanobisStatistics of(JsonNode json) throws IOException {
        double[] mean = JSON.treeToValue(json.get("mean"), double[].class);
        double[][] precision = JSON.treeToValue(json.get("precision"), double[][].class);
        if (mean == null || precision == null || precision.length != mean.length) {
            throw new IllegalArgumentException("mahalanobis statistics are incomplete");
        }
        return new MahalanobisStatistics(mean, precision);
    }
}
