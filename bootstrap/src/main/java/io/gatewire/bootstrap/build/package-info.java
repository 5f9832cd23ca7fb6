/**
 * What this build of Gatewire is: version, git commit and xDS API version, for {@code --version}
 * and the {@code gatewire_build_info} metric.
 */
package io.gatewire.bootstrap.build;
