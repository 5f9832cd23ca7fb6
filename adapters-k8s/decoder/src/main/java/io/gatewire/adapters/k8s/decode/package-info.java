/**
 * The one decoder for Kubernetes manifests, wherever they come from (files, stdin, a cluster). A
 * parsed document is read into fabric8's typed model (or, for MCS ServiceImport and Envoy Gateway
 * Backend, which fabric8 lacks, into small typed classes of our own), and one mapper per kind
 * family turns that model into domain records, applying the CRD defaults that neither files nor
 * test API servers apply. Entry point: {@link io.gatewire.adapters.k8s.decode.ManifestDecoder}.
 *
 * <p>A module of its own ({@code adapters-k8s/decoder}), shared by the file source and the cluster
 * source. It needs fabric8's model jars and Jackson only, no Kubernetes client, so a transport that
 * only reads manifests carries no HTTP stack.
 */
package io.gatewire.adapters.k8s.decode;
