package org.unspin.detect;

/** A value made on first use, once, by any thread. */
final class Lazy<T> {
    private final java.util.function.Supplier<T> make;
    private volatile T value;

    Lazy(java.util.function.Supplier<T> make) {
        this.make = make;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    value = v = make.get();
                }
            }
        }
        return v;
    }
}
