/** Golden cases: hand-written manifests, generated and reviewed IR, status and xDS. */
package io.gatewire.bootstrap.golden;
