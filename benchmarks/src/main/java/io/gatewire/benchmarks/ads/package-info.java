/**
 * Load and churn beyond translation (docs/reliability.md): many ADS streams against the real {@link
 * io.gatewire.adapters.xds.serve.XdsServing} on a local port ({@link
 * io.gatewire.benchmarks.ads.AdsLoad}), and routes created and deleted through a watched source
 * with clients connecting and leaving ({@link io.gatewire.benchmarks.ads.ChurnSoak}). The clients
 * behave as Envoy does over ADS, state of the world or delta, and report when they have ACKed what
 * the server serves.
 */
package io.gatewire.benchmarks.ads;
