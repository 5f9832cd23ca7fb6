package io.gatewire.bootstrap.envoy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 GET over a plain socket to a loopback port, with any {@code Host} (the JDK's client
 * will not send a Host other than the URI's): status, headers (lower-case names) and body.
 */
record RawHttp(int status, Map<String, String> headers, String body) {
  static RawHttp get(int port, String host, String path) {
    return get(port, host, path, Map.of());
  }

  /** A GET of {@code path} exactly as written (no escaping), with {@code headers} added. */
  static RawHttp get(int port, String host, String path, Map<String, String> extraHeaders) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      StringBuilder extra = new StringBuilder();
      extraHeaders.forEach(
          (name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\n"
              + extra
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = response.indexOf("\r\n\r\n");
      String[] lines = response.substring(0, headerEnd).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new RawHttp(
          Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(headerEnd + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
