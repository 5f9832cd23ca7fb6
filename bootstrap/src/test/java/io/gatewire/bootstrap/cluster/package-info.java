/** The whole chain from a (mock) cluster to served xDS: cluster source, pipeline, xDS serving. */
package io.gatewire.bootstrap.cluster;
