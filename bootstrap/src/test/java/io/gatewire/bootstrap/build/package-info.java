/** Tests of what a build reports about itself. */
package io.gatewire.bootstrap.build;
