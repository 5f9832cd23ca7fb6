package io.gatewire.adapters.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewire.adapters.k8s.decode.DocumentLocation;

/** One parsed document of a file and where it is. */
record ManifestDocument(JsonNode node, DocumentLocation location) {}
