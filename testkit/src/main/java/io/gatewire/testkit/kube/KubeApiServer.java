package io.gatewire.testkit.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gatewire.testkit.envoy.ListenerPorts;
import io.gatewire.testkit.tools.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Kubernetes API server for tests: etcd and kube-apiserver ({@link KubeTools}) as child
 * processes on loopback free ports, RBAC authorization, static tokens for {@link KubeUser#ADMIN}
 * and the {@link KubeUser#SERVICE_ACCOUNTS}, the Gateway API CRDs installed. There is no controller
 * manager: namespaces are never finalised, garbage is not collected, and EndpointSlices exist only
 * when a test creates them.
 *
 * <p>{@link #shared()} is one server per JVM (stopped when the JVM exits); a test that restarts or
 * breaks the server starts its own with {@link #start()} and closes it. Either way the processes
 * are stopped at the end, also when a test fails, and their logs are under {@link #workDir()}.
 */
public final class KubeApiServer implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(90);
  private static KubeApiServer shared;

  private final Path workDir;
  private final Etcd etcd;
  private final int securePort = ListenerPorts.pick();
  private ChildProcess apiServer;
  private int apiServerStarts;
  private final List<String> extraFlags;
  private KubernetesClient admin;

  private KubeApiServer(Path workDir, List<String> extraFlags) {
    this.workDir = workDir;
    this.extraFlags = List.copyOf(extraFlags);
    this.etcd = new Etcd(workDir.resolve("etcd"), workDir.resolve("etcd.log"));
  }

  /** The JVM's shared server, started on first use with the Gateway API CRDs installed. */
  public static synchronized KubeApiServer shared() {
    if (shared == null) {
      KubeApiServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kube-apiserver-stop"));
      shared = server;
    }
    return shared;
  }

  /** A server of the caller's own, the Gateway API CRDs installed; the caller closes it. */
  public static KubeApiServer start() {
    return start(List.of());
  }

  /**
   * As {@link #start()}, with more kube-apiserver flags ({@code --watch-cache=false}: watches are
   * served by etcd, so a watch resumed from a compacted revision gets {@code 410 Gone}).
   */
  public static KubeApiServer start(List<String> apiServerFlags) {
    Path dir;
    try {
      dir = Files.createTempDirectory("gatewire-kube-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KubeApiServer server = new KubeApiServer(dir, apiServerFlags);
    try {
      server.writeCredentials();
      server.etcd.start();
      server.startApiServer();
      server.installCrds(KubeTools.gatewayApiCrds());
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Where the logs, certificates and etcd data are. */
  public Path workDir() {
    return workDir;
  }

  /** {@code https://127.0.0.1:<port>}. */
  public String url() {
    return "https://127.0.0.1:" + securePort;
  }

  /** The API server's port on 127.0.0.1. */
  public int port() {
    return securePort;
  }

  /**
   * The fabric8 configuration of a client as {@code user} that reaches the API server through
   * {@code proxy}.
   */
  public Config config(KubeUser user, TcpProxy proxy) {
    Config config = config(user);
    config.setMasterUrl("https://127.0.0.1:" + proxy.port());
    return config;
  }

  /** The API server's own counters (its {@code /metrics}), as Prometheus text. */
  public String metrics() {
    try {
      return Tls.get(
          Tls.clientTrusting(caCertificate()), url() + "/metrics", KubeUser.ADMIN.token());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A client as {@link KubeUser#ADMIN}, shared, closed with the server. */
  public synchronized KubernetesClient admin() {
    if (admin == null) {
      admin = client(KubeUser.ADMIN);
    }
    return admin;
  }

  /** A new client authenticated as {@code user}; the caller closes it. */
  public KubernetesClient client(KubeUser user) {
    return new KubernetesClientBuilder().withConfig(config(user)).build();
  }

  /** The fabric8 configuration of a client as {@code user}. */
  public Config config(KubeUser user) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withCaCertData(base64(caCertificate()))
        .withOauthToken(user.token())
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000)
        .build();
  }

  /**
   * Writes a kubeconfig for {@code user} to {@code file}, as a user of the command line has one.
   */
  public Path kubeconfig(KubeUser user, Path file) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster: {server: "%s", certificate-authority-data: "%s"}
        users:
        - name: user
          user: {token: "%s"}
        contexts:
        - name: test
          context: {cluster: test, user: user}
        current-context: test
        """
            .formatted(url(), base64(caCertificate()), user.token());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates or replaces every object of {@code yaml} (many documents) as {@link KubeUser#ADMIN}
   * with server-side apply, and returns them as the server stored them. The objects are sent as
   * they are written (no client-side typing), so the API server is the one that validates them.
   */
  public List<HasMetadata> apply(String yaml) {
    List<HasMetadata> stored = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      GenericKubernetesResource object =
          admin().getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class);
      stored.add(
          admin()
              .resource(object)
              .fieldManager("gatewire-test")
              .forceConflicts()
              .serverSideApply());
    }
    return stored;
  }

  /** Applies the files of {@code docs/deploy} named, as they are in the repository. */
  public List<HasMetadata> applyDeployManifests(String... fileNames) {
    List<HasMetadata> stored = new ArrayList<>();
    for (String name : fileNames) {
      stored.addAll(apply(readDeployManifest(name)));
    }
    return stored;
  }

  /** The text of {@code docs/deploy/<fileName>}. */
  public static String readDeployManifest(String fileName) {
    try {
      return Files.readString(RepoRoot.find().resolve("docs/deploy").resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Installs test stand-ins for the CRDs of other projects that Gatewire reads when present: MCS
   * {@code ServiceImport} and Envoy Gateway {@code Backend} (same group, version and kind; a schema
   * that keeps every field).
   */
  public void installOtherProjectsCrds() {
    for (String crd :
        List.of("serviceimports.multicluster.x-k8s.io", "backends.gateway.envoyproxy.io")) {
      installCrd(crd);
    }
  }

  /** Installs one of the stand-in CRDs of {@link #installOtherProjectsCrds()} by its name. */
  public void installCrd(String name) {
    try (var in = KubeApiServer.class.getResourceAsStream(name + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("no stand-in CRD " + name);
      }
      Path file = workDir.resolve(name + ".yaml");
      Files.write(file, in.readAllBytes());
      installCrds(List.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Installs CRDs (and whatever else the files hold) and waits until every CRD is Established. */
  public void installCrds(List<Path> files) {
    List<String> crds = new ArrayList<>();
    for (Path file : files) {
      try {
        for (HasMetadata object : apply(Files.readString(file))) {
          if (object.getKind().equals("CustomResourceDefinition")) {
            crds.add(object.getMetadata().getName());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String crd : crds) {
      Wait.until(
          Duration.ofSeconds(60), "CRD " + crd + " to be established", () -> established(crd));
    }
  }

  private boolean established(String crd) {
    GenericKubernetesResource stored =
        admin()
            .genericKubernetesResources("apiextensions.k8s.io/v1", "CustomResourceDefinition")
            .withName(crd)
            .get();
    Object status = stored == null ? null : stored.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> list)) {
      return false;
    }
    return list.stream()
        .anyMatch(
            c ->
                c instanceof Map<?, ?> condition
                    && "Established".equals(condition.get("type"))
                    && "True".equals(condition.get("status")));
  }

  /** Stops the API server (etcd keeps running); clients see connection errors until it is back. */
  public synchronized void stopApiServer() {
    if (apiServer != null) {
      apiServer.stop();
      apiServer = null;
    }
  }

  /** Starts the API server again on the same port, with the same certificate and tokens. */
  public synchronized void startApiServer() {
    if (apiServer != null) {
      throw new IllegalStateException("the API server is running");
    }
    apiServerStarts++;
    List<String> command =
        new ArrayList<>(
            List.of(
                KubeTools.KUBE_APISERVER.binary().toString(),
                "--etcd-servers=" + etcd.clientUrl(),
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + securePort,
                "--cert-dir=" + workDir.resolve("certs"),
                "--token-auth-file=" + workDir.resolve("tokens.csv"),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + workDir.resolve("sa.pub"),
                "--service-account-signing-key-file=" + workDir.resolve("sa.key"),
                "--service-cluster-ip-range=10.96.0.0/16",
                "--endpoint-reconciler-type=none",
                "--enable-priority-and-fairness=false",
                "--profiling=false",
                "--v=1"));
    command.addAll(extraFlags);
    apiServer =
        ChildProcess.start(
            "kube-apiserver",
            command,
            workDir.resolve("kube-apiserver-" + apiServerStarts + ".log"));
    awaitReady();
  }

  /** Stops and starts the API server. */
  public void restartApiServer() {
    stopApiServer();
    startApiServer();
  }

  /** Stops and starts etcd under the running API server, which reconnects by itself. */
  public void restartEtcd() {
    etcd.stop();
    etcd.start();
    awaitReady();
  }

  /** Stops etcd (the API server keeps running and fails its requests). */
  public void stopEtcd() {
    etcd.stop();
  }

  /** Starts etcd again after {@link #stopEtcd()} and waits until the API server is ready. */
  public void startEtcd() {
    etcd.start();
    awaitReady();
  }

  /**
   * Compacts etcd to its current revision: a watch that resumes from an older resourceVersion is
   * answered {@code 410 Gone} ("too old resource version").
   */
  public long compactEtcd() {
    return etcd.compact();
  }

  private void awaitReady() {
    HttpClient[] http = new HttpClient[1];
    Wait.until(
        READY,
        "kube-apiserver to be ready on " + url() + " (" + apiServer + ")",
        () -> {
          if (!apiServer.isAlive()) {
            throw new Wait.ProcessExited("kube-apiserver exited:\n" + apiServer.tail());
          }
          if (!Files.exists(caCertificatePath())) {
            return false;
          }
          if (http[0] == null) {
            http[0] = Tls.clientTrusting(caCertificate());
          }
          return Tls.get(http[0], url() + "/readyz", KubeUser.ADMIN.token()).equals("ok");
        });
  }

  private Path caCertificatePath() {
    return workDir.resolve("certs").resolve("apiserver.crt");
  }

  /** The API server's self-signed certificate chain (PEM), which clients trust. */
  public String caCertificate() {
    try {
      return Files.readString(caCertificatePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeCredentials() {
    List<String> tokens = new ArrayList<>();
    tokens.add(KubeUser.ADMIN.tokenFileLine());
    KubeUser.SERVICE_ACCOUNTS.forEach(u -> tokens.add(u.tokenFileLine()));
    try {
      KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      Files.createDirectories(workDir.resolve("certs"));
      Files.write(workDir.resolve("tokens.csv"), tokens);
      Files.writeString(
          workDir.resolve("sa.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      Files.writeString(
          workDir.resolve("sa.pub"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Stops the API server, then etcd, and deletes the work directory. */
  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
    stopApiServer();
    etcd.stop();
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // leftovers in /tmp only
    }
  }
}
