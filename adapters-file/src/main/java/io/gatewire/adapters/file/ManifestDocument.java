package io.gatewire.adapters.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewire.adapters.k8s.decode.DocumentLocation;

/** One parsed document of a file, where it is, and the line of the file it starts at. */
record ManifestDocument(JsonNode node, DocumentLocation location, int startLine) {}
