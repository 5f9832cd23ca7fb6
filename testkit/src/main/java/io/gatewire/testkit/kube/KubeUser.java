package io.gatewire.testkit.kube;

import java.util.List;

/**
 * Who a client is to the test API server: a static token ({@code --token-auth-file}) for a user
 * name and groups. RBAC binds ServiceAccounts by the user name {@code
 * system:serviceaccount:<namespace>:<name>}, so a token for that name is bound exactly as the
 * ServiceAccount of a pod would be.
 */
public record KubeUser(String name, String token, List<String> groups) {
  /** Everything allowed (group {@code system:masters}): sets the cluster up. */
  public static final KubeUser ADMIN =
      new KubeUser("gatewire-test-admin", "admin-token", List.of("system:masters"));

  /** The ServiceAccount of docs/deploy: {@code gatewire-system/gatewire}. */
  public static final KubeUser GATEWIRE = serviceAccount("gatewire-system", "gatewire");

  /**
   * ServiceAccounts the API server knows a token of: docs/deploy's, and {@code gatewire} in
   * namespaces {@code gatewire-rbac} and {@code gatewire-lease}, for tests that bind a copy of the
   * documented rules to an identity of their own and change it.
   */
  public static final List<KubeUser> SERVICE_ACCOUNTS =
      List.of(
          GATEWIRE,
          serviceAccount("gatewire-rbac", "gatewire"),
          serviceAccount("gatewire-lease", "gatewire"));

  public KubeUser {
    groups = List.copyOf(groups);
  }

  /** The user a ServiceAccount's token authenticates as. */
  public static KubeUser serviceAccount(String namespace, String name) {
    return new KubeUser(
        "system:serviceaccount:" + namespace + ":" + name,
        "sa-" + namespace + "-" + name,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace));
  }

  /** A line of the token file: {@code token,user,uid,"group1,group2"}. */
  String tokenFileLine() {
    return token + "," + name + "," + name + ",\"" + String.join(",", groups) + "\"";
  }
}
