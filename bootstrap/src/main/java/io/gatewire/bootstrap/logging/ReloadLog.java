package io.gatewire.bootstrap.logging;

import io.gatewire.application.service.ConfigurationPipeline;
import io.gatewire.domain.port.SourceException;
import java.time.Duration;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs the reloads of a served configuration on {@link UserLoggers#CONFIG}: a load that failed (the
 * last good configuration keeps serving), with where it failed as fields ({@link
 * SourceErrorFields}), and the first good load after failed ones; at debug, every change signal and
 * every reload with what its steps took.
 */
public final class ReloadLog implements ConfigurationPipeline.ReloadEvents {
  @Override
  public void failed(SourceException error) {
    SourceErrorFields fields = SourceErrorFields.of(error);
    LoggingEventBuilder event = UserLoggers.CONFIG.atError();
    if (fields.file() != null) {
      event = event.addKeyValue("file", fields.file());
    }
    if (fields.line() != null) {
      event = event.addKeyValue("line", fields.line());
    }
    if (fields.object() != null) {
      event = event.addKeyValue("object", fields.object());
    }
    event
        .addKeyValue("problem", fields.problem())
        .log("configuration not reloaded, the last good one keeps serving: {}", error.getMessage());
  }

  @Override
  public void recovered(int failures, Duration staleFor, String lastError) {
    UserLoggers.CONFIG
        .atInfo()
        .addKeyValue("failedLoads", failures)
        .addKeyValue("staleMillis", staleFor.toMillis())
        .log(
            "configuration reloaded: serving the new configuration after {} failed load(s) over {}"
                + " ms (the last: {})",
            failures,
            staleFor.toMillis(),
            lastError);
  }

  @Override
  public void signalled() {
    UserLoggers.CONFIG.debug("change signalled");
  }

  @Override
  public void reloaded(Duration load, Duration translate, Duration publish) {
    UserLoggers.CONFIG
        .atDebug()
        .addKeyValue("loadMillis", load.toMillis())
        .addKeyValue("translateMillis", translate.toMillis())
        .addKeyValue("publishMillis", publish.toMillis())
        .log(
            "reloaded: load {} ms, translate {} ms, publish {} ms",
            load.toMillis(),
            translate.toMillis(),
            publish.toMillis());
  }
}
