/** Tests of the command line's logging. */
package io.gatewire.bootstrap.logging;
