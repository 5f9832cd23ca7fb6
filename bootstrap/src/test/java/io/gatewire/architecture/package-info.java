/** ArchUnit rules that keep the hexagon's layering as docs/architecture.md draws it. */
package io.gatewire.architecture;
