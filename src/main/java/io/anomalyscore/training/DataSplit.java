package io.anomalyscore.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Row indexes of a seeded train/validation split, stratified by label when labels exist.
 *
 * @param training training row indexes, ascending
 * @param validation validation row indexes, ascending
 */
public record DataSplit(int[] training, int[] validation) {

    /** Splits {@code rows} rows, holding out {@code fraction} of each class (or of all rows). */
    public static DataSplit of(int rows, int[] labels, double fraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        int classes = labels == null ? 1 : 2;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                if (labels == null || labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int held = (int) Math.round(members.size() * fraction);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        return new DataSplit(sorted(train), sorted(validation));
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
