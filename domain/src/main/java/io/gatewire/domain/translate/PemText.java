package io.gatewire.domain.translate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM blocks of a text (RFC 7468): each {@code -----BEGIN LABEL-----} line up to the matching
 * {@code -----END LABEL-----}, its base64 body decoded; text outside blocks is ignored, as OpenSSL
 * does.
 *
 * @param blocks the complete blocks, in order
 * @param unterminated the label of a block that has no END line (the text ends inside it), or null
 */
record PemText(List<Block> blocks, String unterminated) {
  /**
   * A PEM block.
   *
   * @param der the decoded body; null when it is not base64
   * @param headers whether the body starts with RFC 1421 headers ({@code Proc-Type: 4,ENCRYPTED}):
   *     OpenSSL's legacy encrypted keys
   */
  record Block(String label, byte[] der, boolean headers) {}

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  PemText {
    blocks = List.copyOf(blocks);
  }

  static PemText read(byte[] text) {
    List<Block> blocks = new ArrayList<>();
    String label = null;
    StringBuilder body = new StringBuilder();
    boolean headers = false;
    for (String raw : new String(text, StandardCharsets.ISO_8859_1).split("\n", -1)) {
      String line = raw.strip();
      if (label == null) {
        if (line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() > 16) {
          label = line.substring(BEGIN.length(), line.length() - DASHES.length());
          body.setLength(0);
          headers = false;
        }
      } else if (line.equals(END + label + DASHES)) {
        blocks.add(new Block(label, decode(body.toString()), headers));
        label = null;
      } else if (line.contains(":")) {
        headers = true;
      } else {
        body.append(line);
      }
    }
    return new PemText(blocks, label);
  }

  List<Block> labelled(String wanted) {
    return blocks.stream().filter(b -> b.label().equals(wanted)).toList();
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
