/**
 * Provenance: the metadata contract of docs/metadata.md as one table of rules ({@link
 * io.gatewire.domain.metadata.ProvenanceRules}), the annotation and label filter, and the {@link
 * io.gatewire.domain.metadata.ResourceMetadata} value that every IR object carries.
 */
package io.gatewire.domain.metadata;
