/**
 * ArchUnit rules over every module of the build: the hexagon's layering, each module in its own
 * packages (no split packages, tests included), no package cycles. They run in the benchmarks
 * module, which the build orders after all the others.
 */
package io.gatewire.architecture;
