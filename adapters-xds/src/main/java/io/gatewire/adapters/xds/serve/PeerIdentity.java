package io.gatewire.adapters.xds.serve;

import io.grpc.Grpc;
import io.grpc.ServerCall;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Who is at the other end of a gRPC call, as its transport proves it: authenticated when the TLS
 * handshake verified a client certificate (then its URI and DNS subject alternative names),
 * otherwise not (plaintext, or TLS without a client certificate).
 */
record PeerIdentity(boolean authenticated, List<String> uriSans, List<String> dnsSans) {
  static final PeerIdentity UNAUTHENTICATED = new PeerIdentity(false, List.of(), List.of());
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";

  /**
   * GeneralName's dNSName [2] and uniformResourceIdentifier [6], both IA5String, context-specific
   * primitive.
   */
  private static final int CONTEXT_DNS_NAME = 0x82;

  private static final int CONTEXT_URI = 0x86;

  PeerIdentity {
    uriSans = List.copyOf(uriSans);
    dnsSans = List.copyOf(dnsSans);
  }

  static PeerIdentity of(ServerCall<?, ?> call) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return UNAUTHENTICATED;
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return UNAUTHENTICATED;
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return UNAUTHENTICATED;
    }
    return of(leaf);
  }

  /**
   * Reads the SAN extension's DER itself: the JDK's {@code getSubjectAlternativeNames} rejects a
   * URI without a scheme (such as {@code infra/eg}), and with it every other name of the
   * certificate.
   */
  static PeerIdentity of(X509Certificate verifiedLeaf) {
    List<String> uris = new ArrayList<>();
    List<String> dns = new ArrayList<>();
    byte[] extension = verifiedLeaf.getExtensionValue(SUBJECT_ALT_NAME);
    if (extension != null) {
      try {
        Der octets = Der.read(extension, 0);
        Der sequence = Der.read(extension, octets.start());
        for (int at = sequence.start(); at < sequence.end(); ) {
          Der name = Der.read(extension, at);
          String value =
              new String(
                  extension, name.start(), name.end() - name.start(), StandardCharsets.US_ASCII);
          if (name.tag() == CONTEXT_URI) {
            uris.add(value);
          } else if (name.tag() == CONTEXT_DNS_NAME) {
            dns.add(value);
          }
          at = name.end();
        }
      } catch (IndexOutOfBoundsException e) {
        // a SAN extension that does not parse names nothing; the certificate is still verified
      }
    }
    return new PeerIdentity(true, uris, dns);
  }

  /** One DER element of {@code bytes}: its tag and where its content starts and ends. */
  private record Der(int tag, int start, int end) {
    static Der read(byte[] bytes, int at) {
      int tag = bytes[at] & 0xff;
      int length = bytes[at + 1] & 0xff;
      int start = at + 2;
      if (length > 0x7f) {
        int lengthBytes = length & 0x7f;
        length = 0;
        for (int i = 0; i < lengthBytes; i++) {
          length = (length << 8) | (bytes[start++] & 0xff);
        }
      }
      if (start + length > bytes.length) {
        throw new IndexOutOfBoundsException("DER element past the end");
      }
      return new Der(tag, start, start + length);
    }
  }

  /** The names for messages: {@code URI:...} and {@code DNS:...}, or a note that there are none. */
  String describeSans() {
    List<String> all = new ArrayList<>();
    uriSans.forEach(u -> all.add("URI:" + u));
    dnsSans.forEach(d -> all.add("DNS:" + d));
    return all.isEmpty() ? "no URI or DNS SAN" : String.join(", ", all);
  }
}
