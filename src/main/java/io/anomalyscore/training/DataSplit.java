package io.anomalyscore.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Row indexes of a seeded train / validation / test split, stratified by label when labels exist.
 *
 * <p>Each class is shuffled with the seed; its first {@code round(n * testFraction)} rows go to
 * test, the next {@code round(n * validationFraction)} to validation, the rest to training. A
 * held-out split with a positive fraction gets at least one row of every class that has three
 * rows or more, so small anomaly classes still reach every split, and training keeps at least one.
 *
 * @param training training row indexes, ascending
 * @param validation validation row indexes, ascending
 * @param test test row indexes, ascending
 */
public record DataSplit(int[] training, int[] validation, int[] test) {

    /** Splits {@code rows} rows, holding out the given fractions of each class (or of all rows). */
    public static DataSplit of(int rows, int[] labels, double validationFraction, double testFraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        int classes = labels == null ? 1 : 2;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                if (labels == null || labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int n = members.size();
            int testRows = held(n, testFraction);
            int validationRows = Math.min(held(n, validationFraction), Math.max(0, n - testRows - 1));
            test.addAll(members.subList(0, testRows));
            validation.addAll(members.subList(testRows, testRows + validationRows));
            train.addAll(members.subList(testRows + validationRows, n));
        }
        return new DataSplit(sorted(train), sorted(validation), sorted(test));
    }

    /** Rows of a class of {@code n} that a split of {@code fraction} holds: at least 1 when n >= 3. */
    private static int held(int n, double fraction) {
        int rows = (int) Math.round(n * fraction);
        return fraction > 0 && rows == 0 && n >= 3 ? 1 : rows;
    }

    private static int[] sorted(List<Integer> indexes) {
        return indexes.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The rows of {@code data} at {@code indexes}. */
    public static double[][] select(double[][] data, int[] indexes) {
        double[][] out = new double[indexes.length][];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = data[indexes[i]];
        }
        return out;
    }

    /** The labels at {@code indexes}. */
    public static int[] select(int[] labels, int[] indexes) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = labels[indexes[i]];
        }
        return out;
    }
}
