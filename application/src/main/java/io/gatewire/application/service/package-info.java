/** The use-case implementations: they run the domain translator between a source and the sinks. */
package io.gatewire.application.service;
