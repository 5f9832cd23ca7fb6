package io.gatewire.bootstrap.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * {@code gatewire serve} run in this JVM, parsed and wired exactly as the command line does, on a
 * thread of its own and without signal handlers: {@link #close} drains it as SIGTERM would.
 */
public final class InProcessServe implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ServeCommand command;
  private final CompletableFuture<Integer> exit;
  private final StringWriter err;
  private final ServeCommand.Serving serving;

  private InProcessServe(
      ServeCommand command,
      CompletableFuture<Integer> exit,
      StringWriter err,
      ServeCommand.Serving serving) {
    this.command = command;
    this.exit = exit;
    this.err = err;
    this.serving = serving;
  }

  /**
   * Starts {@code serve} with {@code args} (without the word {@code serve}) and waits until its xDS
   * and admin ports listen; fails with its error output if it ends first.
   */
  public static InProcessServe start(String... args) {
    ServeCommand command = new ServeCommand(InputStream.nullInputStream(), false);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, parsed, result) -> {
          parsed.getErr().println("error: " + e);
          return GatewireCommand.EXIT_INPUT;
        });
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(cli.execute(args));
              } catch (RuntimeException | Error e) {
                exit.completeExceptionally(e);
              }
            },
            "gatewire-serve");
    thread.setDaemon(true);
    thread.start();
    try {
      CompletableFuture.anyOf(command.serving(), exit)
          .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      command.stop();
      throw new IllegalStateException("serve did not start: " + e + "\n" + err, e);
    }
    if (!command.serving().isDone()) {
      throw new IllegalStateException(
          "serve ended with " + exit.join() + " before serving:\n" + err);
    }
    return new InProcessServe(command, exit, err, command.serving().join());
  }

  public int xdsPort() {
    return serving.xdsPort();
  }

  public InetSocketAddress admin() {
    return serving.admin();
  }

  /** What {@code serve} printed to its error stream (usage and start errors; logs go to slf4j). */
  public String errors() {
    return err.toString();
  }

  /** Drains as SIGTERM does and returns the exit code. */
  @Override
  public void close() {
    command.stop();
    try {
      int code = exit.get(30, TimeUnit.SECONDS);
      if (code != GatewireCommand.EXIT_OK) {
        throw new IllegalStateException("serve exited with " + code + ":\n" + err);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("serve did not stop: " + e, e);
    }
  }
}
