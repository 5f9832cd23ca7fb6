package io.gatewire.application.port.in;

import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.TranslationResult;

/** Reads the source once, translates it, and hands IR and status to the sinks. */
public interface TranslateConfigurationUseCase {
  TranslationResult translateOnce() throws SourceException;
}
