/**
 * The one decoder for Kubernetes manifests, wherever they come from (files, stdin, a cluster). A
 * parsed document is read into fabric8's typed model (or, for MCS ServiceImport and Envoy Gateway
 * Backend, which fabric8 lacks, into small typed classes of our own), and one mapper per kind
 * family turns that model into domain records, applying the CRD defaults that neither files nor
 * test API servers apply. Entry point: {@link io.gatewire.adapters.k8s.decode.ManifestDecoder}.
 */
package io.gatewire.adapters.k8s.decode;
