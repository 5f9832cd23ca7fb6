package io.gatewire.application.service;

import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.port.in.TranslateConfigurationUseCase;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.incremental.ResourceChanges;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Source to translator to sinks. A source failure never reaches the proxy sink, so the last good
 * configuration keeps serving; the failure is remembered as the reason the configuration is stale.
 * Changes are debounced (a reload once signals have been quiet for the debounce, and at least every
 * {@link #LONGEST_DEBOUNCE} while they keep coming), and a load that returns the state already
 * published is not translated.
 *
 * <p>The pipeline is where the translation's incremental state lives: the resources last published
 * and the translator's {@link Memos}. Each load is compared with the published resources once
 * ({@link ResourceChanges}), which shares their unchanged objects with the new input, and the
 * translator reuses what it computed from them.
 */
public final class ConfigurationPipeline
    implements TranslateConfigurationUseCase, SyncConfigurationUseCase {
  /**
   * How long a burst of change signals must be quiet before reloading: long enough for an editor's
   * save (write, rename, chmod: a few ms apart) to be one reload, short against the time a change
   * takes to reach Envoy.
   */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(25);

  /**
   * The longest a change waits while others keep coming faster than the debounce: a steady stream
   * of changes still reloads at least this often.
   */
  public static final Duration LONGEST_DEBOUNCE = Duration.ofSeconds(1);

  private final ConfigurationSource source;
  private final Translator translator;
  private final ProxyConfigSink proxySink;
  private final StatusSink statusSink;
  private final Duration debounce;
  private final ReloadEvents events;
  private final AtomicReference<SyncState> state =
      new AtomicReference<>(new SyncState(false, false, null, 0, 0));
  private final Memos memos = new Memos();
  private GatewayResources published;
  private Instant staleSince;
  private int failuresSinceGood;

  public ConfigurationPipeline(
      ConfigurationSource source,
      Translator translator,
      ProxyConfigSink proxySink,
      StatusSink statusSink,
      Duration debounce,
      ReloadEvents events) {
    this.source = source;
    this.translator = translator;
    this.proxySink = proxySink;
    this.statusSink = statusSink;
    this.debounce = debounce;
    this.events = events;
  }

  /** What a reload tells the log: a failed load, and the first good load after failed ones. */
  @FunctionalInterface
  public interface ReloadEvents {
    /** A load failed; the last good configuration keeps serving. */
    void failed(SourceException error);

    /**
     * A load succeeded after {@code failures} failed ones: the configuration is no longer stale.
     *
     * @param staleFor from the first of those failures to this load
     * @param lastError the message of the last failure
     */
    default void recovered(int failures, Duration staleFor, String lastError) {}

    /** The source signalled a change; a reload follows once the debounce has passed. */
    default void signalled() {}

    /**
     * A reload ended: how long loading the source, translating and publishing to the proxy sink
     * took; translating and publishing are zero when the load held nothing new.
     */
    default void reloaded(Duration load, Duration translate, Duration publish) {}
  }

  @Override
  public TranslationResult translateOnce() throws SourceException {
    return publish(source.load());
  }

  @Override
  public ConfigurationSource.Watch start() {
    Debouncer debouncer = new Debouncer(debounce, LONGEST_DEBOUNCE, this::reload);
    ConfigurationSource.Watch watch =
        source.watch(
            () -> {
              events.signalled();
              debouncer.trigger();
            });
    reload();
    return () -> {
      watch.close();
      debouncer.close();
    };
  }

  @Override
  public SyncState state() {
    return state.get();
  }

  /** The entries of the translator's memos, by memo: what a leak check watches. */
  synchronized Map<String, Integer> memoSizes() {
    return memos.sizes();
  }

  /**
   * Loads and publishes, unless the state is the one already published; keeps the last good one on
   * errors.
   */
  synchronized void reload() {
    long started = System.nanoTime();
    GatewayResources resources;
    try {
      resources = source.load();
    } catch (SourceException e) {
      events.failed(e);
      if (staleSince == null) {
        staleSince = Instant.now();
      }
      failuresSinceGood++;
      state.updateAndGet(
          s ->
              new SyncState(
                  s.hasConfiguration(), true, e.getMessage(), s.translations(), s.errors() + 1));
      return;
    }
    String lastError = state.get().lastError();
    long loaded = System.nanoTime();
    ResourceChanges changes = ResourceChanges.between(published, resources);
    Duration translate = Duration.ZERO;
    Duration publish = Duration.ZERO;
    if (changes.none()) {
      state.updateAndGet(
          s -> new SyncState(s.hasConfiguration(), false, null, s.translations(), s.errors()));
    } else {
      TranslationResult result = translate(changes.resources());
      long publishing = System.nanoTime();
      publish(changes.resources(), result);
      translate = Duration.ofNanos(publishing - loaded);
      publish = Duration.ofNanos(System.nanoTime() - publishing);
    }
    events.reloaded(Duration.ofNanos(loaded - started), translate, publish);
    if (staleSince != null) {
      events.recovered(failuresSinceGood, Duration.between(staleSince, Instant.now()), lastError);
      staleSince = null;
      failuresSinceGood = 0;
    }
  }

  private synchronized TranslationResult publish(GatewayResources resources) {
    return publish(resources, translate(resources));
  }

  private TranslationResult translate(GatewayResources resources) {
    TranslationResult result = translator.translate(resources, memos);
    memos.endGeneration();
    return result;
  }

  private TranslationResult publish(GatewayResources resources, TranslationResult result) {
    proxySink.publish(result.ir());
    statusSink.report(result.statuses(), result.warnings());
    published = resources;
    state.updateAndGet(s -> new SyncState(true, false, null, s.translations() + 1, s.errors()));
    return result;
  }
}
