/** ArchUnit rules that keep the hexagon's layering as ARCHITECTURE.md draws it. */
package io.gatewire.architecture;
