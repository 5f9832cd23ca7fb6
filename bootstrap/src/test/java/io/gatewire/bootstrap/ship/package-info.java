/**
 * What ships beside the jar, checked as a user gets it: the container image Jib writes, the plain
 * manifests of docs/deploy and the Helm chart rendering the same objects.
 */
package io.gatewire.bootstrap.ship;
