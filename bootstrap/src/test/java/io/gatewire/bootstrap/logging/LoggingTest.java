package io.gatewire.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The levels {@code --log-level} sets: at debug, gRPC's and Netty's frame dumps stay out. */
class LoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void restoreTheTestConfiguration() throws Exception {
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void debug_showsGatewiresTimeline_butNotTheFrameDumps() {
    Logging.configure(LogFormat.text, LogLevel.debug);

    assertThat(context.getLogger("io.gatewire.xds.delta").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("io.gatewire.config").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("io.grpc.netty.NettyServerHandler").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.netty.handler.codec.http2").getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void trace_keepsEverything() {
    Logging.configure(LogFormat.text, LogLevel.trace);

    assertThat(context.getLogger("io.grpc.netty.NettyServerHandler").getEffectiveLevel())
        .isEqualTo(Level.TRACE);
  }
}
