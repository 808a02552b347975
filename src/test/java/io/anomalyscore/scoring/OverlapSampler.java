package io.anomalyscore.scoring;

/**
 * Samples every thread's stack until closed and keeps the largest number of threads that were at
 * once inside {@code ScoringService.score} and, below it, in the model package: evidence that
 * requests overlapped inside the server, with no hook in the application and no timing.
 */
final class OverlapSampler implements AutoCloseable {

    private static final String SERVICE = ScoringService.class.getName();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile int max;

    private OverlapSampler() {
        thread = new Thread(this::sample, "overlap-sampler");
        thread.setDaemon(true);
    }

    static OverlapSampler start() {
        OverlapSampler sampler = new OverlapSampler();
        sampler.thread.start();
        return sampler;
    }

    int max() {
        return max;
    }

    private void sample() {
        while (running) {
            int scoring = 0;
            for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
                if (scoringInTheModel(stack)) {
                    scoring++;
                }
            }
            max = Math.max(max, scoring);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean scoringInTheModel(StackTraceElement[] stack) {
        boolean inModel = false;
        for (StackTraceElement frame : stack) {
            inModel |= frame.getClassName().startsWith("io.anomalyscore.model.");
            if (frame.getClassName().equals(SERVICE) && frame.getMethodName().equals("score")) {
                return inModel;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
