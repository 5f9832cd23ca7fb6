package io.gatewire.bootstrap.logging;

import io.gatewire.domain.port.SourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an input error is, taken apart for structured logs. A {@link SourceException}'s location is
 * {@code file:line}, {@code file}, {@code <stdin>:line} or {@code cluster:Kind namespace/name}; its
 * message may start with the object ({@code HTTPRoute myns/web: ...}).
 *
 * @param file the file, or null (cluster objects)
 * @param line the 1-based line, or null when unknown
 * @param object {@code Kind namespace/name} (or {@code Kind name}), or null when unknown
 * @param problem what is wrong, without the location and object
 */
public record SourceErrorFields(String file, Integer line, String object, String problem) {
  private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d+)");
  private static final Pattern OBJECT =
      Pattern.compile("([A-Z][A-Za-z]*) ([^\\s:]+): (.*)", Pattern.DOTALL);
  private static final String CLUSTER = "cluster:";

  public static SourceErrorFields of(SourceException error) {
    String location = error.location();
    String message = error.getMessage();
    String problem =
        message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    String object = null;
    Matcher named = OBJECT.matcher(problem);
    if (named.matches()) {
      object = named.group(1) + " " + named.group(2);
      problem = named.group(3);
    }
    if (location.startsWith(CLUSTER)) {
      String clusterObject = location.substring(CLUSTER.length());
      return new SourceErrorFields(
          null, null, clusterObject.isEmpty() ? object : clusterObject, problem);
    }
    if (location.equals("cluster")) {
      return new SourceErrorFields(null, null, object, problem);
    }
    Matcher fileLine = FILE_LINE.matcher(location);
    if (fileLine.matches()) {
      return new SourceErrorFields(
          fileLine.group(1), Integer.valueOf(fileLine.group(2)), object, problem);
    }
    return new SourceErrorFields(location, null, object, problem);
  }
}
