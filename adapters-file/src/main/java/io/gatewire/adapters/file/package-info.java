/**
 * The file source: Kubernetes manifests (YAML, possibly many documents per file, and JSON) from
 * files, directories and stdin, handed document by document to the manifest decoder (module {@code
 * adapters-k8s/decoder}, which the cluster source shares; no Kubernetes client). Errors name the
 * file and line; skipped kinds and replaced duplicates are warnings. A load of unchanged content
 * returns the last result without parsing, and a changed load parses and decodes only the files and
 * documents that changed; a watch on the directories signals changes, editors' save-by-rename and
 * ConfigMap link swaps included, and tells the next load which files to read again. Entry point:
 * {@link io.gatewire.adapters.file.FileConfigurationSource}.
 */
package io.gatewire.adapters.file;
