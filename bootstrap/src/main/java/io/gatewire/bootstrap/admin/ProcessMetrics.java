package io.gatewire.bootstrap.admin;

import io.gatewire.bootstrap.build.BuildInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM and process metrics operators expect beside the {@code gatewire_*} families, through
 * Micrometer's binders (memory, GC, threads, class loading, CPU, open files, uptime), and {@code
 * gatewire_build_info{version, commit}} (always 1).
 */
public final class ProcessMetrics implements AutoCloseable {
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private ProcessMetrics(MeterRegistry registry, BuildInfo build) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("gatewire.build.info", () -> 1)
        .description("The running build: its version and the git commit it was built from")
        .tag("version", build.version())
        .tag("commit", build.commit())
        .register(registry);
  }

  /** Binds the process metrics to {@code registry}; close to stop the GC listener. */
  public static ProcessMetrics bind(MeterRegistry registry, BuildInfo build) {
    return new ProcessMetrics(registry, build);
  }

  @Override
  public void close() {
    gc.close();
  }
}
