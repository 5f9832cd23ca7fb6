package io.gatewire.adapters.file;

import io.gatewire.adapters.k8s.decode.DecodedDocument;
import io.gatewire.adapters.k8s.decode.DecodedObject;
import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.port.SourceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded documents of every input, kept from one successful load to the next so that a load
 * parses and decodes only what changed. An input whose bytes are those it had gives its documents
 * again without being read. In a changed YAML input, each part between document markers ({@link
 * YamlParts}) whose text is unchanged gives its documents again, their locations moved to the lines
 * the part starts at now; the other parts are parsed and decoded. A failed load keeps nothing of
 * what it decoded. Not thread-safe: the source loads one at a time.
 */
final class DecodedFiles {
  /**
   * A changed file with more new parts than this is parsed in one go (a parser per part costs more
   * than parsing the unchanged parts again); its unchanged parts still keep their decoded form.
   */
  private static final int PARTS_PARSED_ALONE = 8;

  private final ManifestDecoder decoder = ManifestDecoder.withApiServerChecks();
  private final DocumentReader reader = new DocumentReader();
  private final ManifestFile.Parsers parsers;
  private Map<String, DecodedFile> files = Map.of();
  private List<String> order = List.of();

  /**
   * Every document of a load in reading order, and whether all of it is as the last load had it.
   */
  record Result(List<DecodedDocument> documents, boolean unchanged) {}

  /** An input as it was decoded: its bytes and its parts. */
  private record DecodedFile(byte[] bytes, List<DecodedPart> parts) {
    Map<String, DecodedPart> byText() {
      Map<String, DecodedPart> byText = new HashMap<>();
      parts.forEach(part -> byText.putIfAbsent(part.text(), part));
      return byText;
    }
  }

  /** A part of an input, the line it starts at, and what its documents decoded to there. */
  private record DecodedPart(String text, int firstLine, List<DecodedDocument> documents) {}

  DecodedFiles(ManifestFile.Parsers parsers) {
    this.parsers = parsers;
  }

  Result decode(List<InputFile> inputs) throws SourceException {
    Map<String, DecodedFile> decoded = new HashMap<>();
    List<String> names = new ArrayList<>(inputs.size());
    List<DecodedDocument> documents = new ArrayList<>();
    boolean unchanged = true;
    for (InputFile input : inputs) {
      DecodedFile before = files.get(input.name());
      DecodedFile now = before;
      if (before == null
          || (before.bytes() != input.bytes() && !Arrays.equals(before.bytes(), input.bytes()))) {
        now = decode(input, before);
        unchanged = false;
      }
      decoded.put(input.name(), now);
      names.add(input.name());
      now.parts().forEach(part -> documents.addAll(part.documents()));
    }
    unchanged &= names.equals(order);
    files = decoded;
    order = names;
    return new Result(documents, unchanged);
  }

  private DecodedFile decode(InputFile input, DecodedFile before) throws SourceException {
    ManifestFile file = ManifestFiles.text(input, parsers);
    if (file.json()) {
      return new DecodedFile(input.bytes(), List.of(decode(file, file.text(), 1)));
    }
    Map<String, DecodedPart> known = before == null ? Map.of() : before.byText();
    List<YamlParts.Part> split = YamlParts.split(file.text());
    long unknown = split.stream().filter(part -> !known.containsKey(part.text())).count();
    List<DecodedPart> parts = new ArrayList<>();
    if (unknown <= PARTS_PARSED_ALONE) {
      for (YamlParts.Part part : split) {
        DecodedPart same = known.get(part.text());
        parts.add(
            same == null
                ? decode(file, part.text(), part.firstLine())
                : moved(same, input.name(), part.firstLine()));
      }
      return new DecodedFile(input.bytes(), parts);
    }
    List<ManifestDocument> documents = reader.read(file);
    int next = 0;
    for (int i = 0; i < split.size(); i++) {
      YamlParts.Part part = split.get(i);
      int end = i + 1 < split.size() ? split.get(i + 1).firstLine() : Integer.MAX_VALUE;
      DecodedPart same = known.get(part.text());
      List<DecodedDocument> decoded = new ArrayList<>();
      for (; next < documents.size() && documents.get(next).startLine() < end; next++) {
        if (same == null) {
          ManifestDocument document = documents.get(next);
          decoded.add(decoder.decode(document.node(), document.location()));
        }
      }
      parts.add(
          same == null
              ? new DecodedPart(part.text(), part.firstLine(), List.copyOf(decoded))
              : moved(same, input.name(), part.firstLine()));
    }
    return new DecodedFile(input.bytes(), parts);
  }

  private DecodedPart decode(ManifestFile file, String text, int firstLine) throws SourceException {
    List<DecodedDocument> documents = new ArrayList<>();
    for (ManifestDocument document : reader.read(file.part(text, firstLine))) {
      documents.add(decoder.decode(document.node(), document.location()));
    }
    return new DecodedPart(text, firstLine, List.copyOf(documents));
  }

  /**
   * The part as decoded at another line: every location in it ({@code name:line}, at the start of
   * an object's location and of a warning) moved by the difference.
   */
  private static DecodedPart moved(DecodedPart part, String name, int firstLine) {
    int by = firstLine - part.firstLine();
    if (by == 0) {
      return part;
    }
    String prefix = name + ":";
    List<DecodedDocument> documents = new ArrayList<>();
    for (DecodedDocument document : part.documents()) {
      documents.add(
          new DecodedDocument(
              document.objects().stream()
                  .map(o -> new DecodedObject(o.object(), moved(o.location(), prefix, by)))
                  .toList(),
              document.warnings().stream().map(w -> moved(w, prefix, by)).toList()));
    }
    return new DecodedPart(part.text(), firstLine, documents);
  }

  /** {@code located} with the line after {@code prefix} moved by {@code by}. */
  static String moved(String located, String prefix, int by) {
    if (!located.startsWith(prefix)) {
      return located;
    }
    int end = prefix.length();
    while (end < located.length() && Character.isDigit(located.charAt(end))) {
      end++;
    }
    if (end == prefix.length()) {
      return located;
    }
    int line = Integer.parseInt(located.substring(prefix.length(), end));
    return prefix + (line + by) + located.substring(end);
  }
}
