/**
 * Property-based tests (jqwik) over generated Gateway API object graphs, mostly valid and then
 * mutated: decoding fails only with a SourceException, translation never throws, the xDS passes
 * Envoy's proto constraints and the snapshot consistency check and does not depend on document
 * order, and provenance metadata stays within its caps whatever the annotations.
 */
package io.gatewire.bootstrap.property;
