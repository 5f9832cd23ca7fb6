/** Incoming ports: the use cases the command line and embedding teams call. */
package io.gatewire.application.port.in;
