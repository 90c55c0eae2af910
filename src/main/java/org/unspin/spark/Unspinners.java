package org.unspin.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.unspin.Unspinner;

/**
 * One {@link Unspinner} per JVM and {@link PipelineSpec}, built on first use: loading the tables (and, when a
 * sentence needs them, LanguageTool's rules) takes a second, so every task of an executor shares one instance
 * (an Unspinner is thread-safe). In local mode the driver's instance is the executors' instance.
 */
final class Unspinners {
    private static final ConcurrentHashMap<PipelineSpec, Unspinner> BUILT = new ConcurrentHashMap<>();

    private Unspinners() {
    }

    static Unspinner of(PipelineSpec spec) {
        return BUILT.computeIfAbsent(spec, PipelineSpec::build);
    }
}
