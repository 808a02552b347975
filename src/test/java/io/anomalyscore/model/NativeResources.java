package io.anomalyscore.model;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test support: the live native resources under the engine's root manager, found by walking
 * DJL's private {@code BaseNDManager} resource maps with reflection (which is why this lives in
 * the tests, not in the product). Only meaningful while no call is running.
 *
 * @param arrays live arrays and other non-manager resources, temporary attachments included
 * @param managers live managers, the root included
 */
public record NativeResources(int arrays, int managers) {

    /** Counts what lives under the engine's root manager now. */
    public static NativeResources live() {
        try (NDManager probe = NDManager.newBaseManager()) {
            NDManager root = probe;
            while (root.getParentManager() != null && root.getParentManager() != root) {
                root = root.getParentManager();
            }
            int[] counts = new int[2];
            count(root, counts, Collections.newSetFromMap(new IdentityHashMap<>()));
            return new NativeResources(counts[0], counts[1] - 1); // the probe itself is not counted
        }
    }

    private static void count(Object resource, int[] counts, Set<Object> seen) {
        if (!seen.add(resource)) {
            return;
        }
        if (!(resource instanceof BaseNDManager manager)) {
            counts[0]++;
            return;
        }
        counts[1]++;
        for (Object child : field(manager, "resources").values()) {
            count(child, counts, seen);
        }
        counts[0] += field(manager, "tempResources").size();
    }

    private static Map<?, ?> field(BaseNDManager manager, String name) {
        try {
            Field f = BaseNDManager.class.getDeclaredField(name);
            f.setAccessible(true);
            return (Map<?, ?>) f.get(manager);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DJL's BaseNDManager has no field " + name, e);
        }
    }
}
